using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using SecondChance.Integrity.Privacy;

namespace SecondChance.Integrity.Privacy;

/// <summary>
/// Encrypts and decrypts the personal fields of events inside System.Text.Json, so Marten stores exactly the old
/// store's JSON: the event's normal JSON with each personal field replaced by an <c>"enc:v1:…"</c> string from
/// <see cref="PersonalDataCipher"/>, and every other field in clear (SQL on them keeps working). A field whose key was
/// destroyed reads as its erased placeholder ("[erased]", an empty list or null), as in the old store.
/// </summary>
public sealed class PersonalDataConverterFactory(IReadOnlyDictionary<Type, PersonalDataSpec> specs, SubjectKeyring? keyring)
    : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => specs.ContainsKey(typeToConvert);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
    {
        // the event's own shape comes from the same options without this factory, so it is not asked again
        var inner = new JsonSerializerOptions(options);
        foreach (var self in inner.Converters.OfType<PersonalDataConverterFactory>().ToList()) inner.Converters.Remove(self);
        var spec = specs[typeToConvert];
        string Json(string name) => options.PropertyNamingPolicy?.ConvertName(name) ?? name;
        var placeholders = spec.ErasedPlaceholders(typeToConvert).ToDictionary(p => Json(p.Key), p => p.Value, StringComparer.Ordinal);
        return (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert),
            spec.SubjectOf(typeToConvert), Json(spec.SubjectProperty), placeholders, inner, keyring)!;
    }

    private sealed class Converter<T>(PropertyInfo subjectProperty, string subjectJsonName,
        IReadOnlyDictionary<string, JsonNode?> erasedPlaceholders, JsonSerializerOptions inner, SubjectKeyring? keyring) : JsonConverter<T>
    {
        private SubjectKeyring Keys => keyring ?? throw new InvalidOperationException(
            $"{typeof(T).Name} holds personal data but this Marten store has no subject keyring; pass one to ConfigureSecondChanceEvents.");

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            var json = JsonSerializer.SerializeToNode(value, inner)!.AsObject();
            var subject = (Guid)subjectProperty.GetValue(value)!;
            PersonalDataCipher.Encrypt(json, subject, erasedPlaceholders.Keys, Keys.KeyForWriting(subject));
            json.WriteTo(writer, inner);
        }

        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (JsonNode.Parse(ref reader) is not JsonObject json) return default;
            if (json[subjectJsonName] is JsonValue v && v.TryGetValue<Guid>(out var subject)
                && erasedPlaceholders.Keys.Any(field => json[field] is JsonValue f && f.TryGetValue<string>(out var text)
                                                        && text.StartsWith(PersonalDataCipher.Prefix, StringComparison.Ordinal)))
                PersonalDataCipher.Decrypt(json, subject, erasedPlaceholders, Keys.KeyForReading(subject));
            return json.Deserialize<T>(inner);
        }
    }
}
