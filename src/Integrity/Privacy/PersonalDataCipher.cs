using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace SecondChance.Integrity.Privacy;

/// <summary>
/// Encrypts personal fields inside an event's JSON with AES-256-GCM under the subject's key. A protected field holds
/// "enc:v1:" and base64 of nonce, ciphertext and tag; the subject and field name are bound in as associated data, so
/// a ciphertext moved to another person or field does not decrypt.
/// </summary>
public static class PersonalDataCipher
{
    public const string Prefix = "enc:v1:";
    public const string Erased = "[erased]";

    public static void Encrypt(JsonObject json, Guid subject, IEnumerable<string> jsonFields, byte[] key)
    {
        using var aes = new AesGcm(key, 16);
        foreach (var field in jsonFields)
        {
            if (!json.TryGetPropertyValue(field, out var value) || value is null) continue;
            var plain = Encoding.UTF8.GetBytes(value.ToJsonString());
            var nonce = RandomNumberGenerator.GetBytes(12);
            var sealedBytes = new byte[12 + plain.Length + 16];
            nonce.CopyTo(sealedBytes, 0);
            aes.Encrypt(nonce, plain, sealedBytes.AsSpan(12, plain.Length), sealedBytes.AsSpan(12 + plain.Length), Associated(subject, field));
            json[field] = Prefix + Convert.ToBase64String(sealedBytes);
        }
    }

    /// <summary>Decrypts in place; with no key (erased) each field becomes its erased placeholder.</summary>
    public static void Decrypt(JsonObject json, Guid subject, IReadOnlyDictionary<string, JsonNode?> erasedPlaceholders, byte[]? key)
    {
        using var aes = key is null ? null : new AesGcm(key, 16);
        foreach (var (field, placeholder) in erasedPlaceholders)
        {
            if (!json.TryGetPropertyValue(field, out var value) || value is not JsonValue v || !v.TryGetValue<string>(out var text)
                || !text.StartsWith(Prefix, StringComparison.Ordinal)) continue;
            if (aes is null)
            {
                json[field] = placeholder?.DeepClone();
                continue;
            }
            var sealedBytes = Convert.FromBase64String(text[Prefix.Length..]);
            var plain = new byte[sealedBytes.Length - 28];
            aes.Decrypt(sealedBytes.AsSpan(0, 12), sealedBytes.AsSpan(12, plain.Length), sealedBytes.AsSpan(12 + plain.Length), plain,
                Associated(subject, field));
            json[field] = JsonNode.Parse(plain);
        }
    }

    private static byte[] Associated(Guid subject, string field) => Encoding.UTF8.GetBytes($"{subject:D}/{field}");
}
