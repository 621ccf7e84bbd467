using System.Security.Cryptography;
using System.Text;

namespace SecondChance.Domain.Programmes;

/// <summary>
/// A certificate's verification code: 140 random bits written as 28 Crockford base32 characters in groups of four
/// (ABCD-EFGH-…). Reading one forgives case, spaces, hyphens and the look-alikes I, L (1) and O (0).
/// </summary>
public static class VerificationCode
{
    public const int Characters = 28;
    public const int RandomBytes = 18;
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>The code of <paramref name="random"/> (at least <see cref="RandomBytes"/> bytes from a CSPRNG).</summary>
    public static string Format(ReadOnlySpan<byte> random)
    {
        if (random.Length < RandomBytes) throw new ArgumentException($"A code needs {RandomBytes} random bytes.", nameof(random));
        var chars = new StringBuilder(Characters + Characters / 4);
        for (var i = 0; i < Characters; i++)
        {
            if (i > 0 && i % 4 == 0) chars.Append('-');
            var bit = i * 5;
            var pair = (random[bit / 8] << 8) | (bit / 8 + 1 < random.Length ? random[bit / 8 + 1] : 0);
            chars.Append(Alphabet[(pair >> (11 - bit % 8)) & 31]);
        }
        return chars.ToString();
    }

    /// <summary>The canonical form (28 upper-case characters, no separators), or null when the text is not a code.</summary>
    public static string? Normalise(string? text)
    {
        if (text is null || text.Length > 64) return null;
        var chars = new StringBuilder(Characters);
        foreach (var c in text.ToUpperInvariant())
        {
            if (c is '-' or ' ') continue;
            var mapped = c switch { 'I' or 'L' => '1', 'O' => '0', _ => c };
            if (!Alphabet.Contains(mapped, StringComparison.Ordinal)) return null;
            chars.Append(mapped);
        }
        return chars.Length == Characters ? chars.ToString() : null;
    }

    /// <summary>What a read model keys a certificate by: the lower-case hex SHA-256 of the canonical form.</summary>
    public static string Hash(string canonical) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(canonical)));
}
