using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SecondChance.Integrity.HashChain;

/// <summary>
/// The root hash over stream heads: SHA-256 over one line per stream, <c>bytes:stream;version;HASH;</c>, the streams in
/// the order of their UTF-8 bytes (PostgreSQL's collation "C"), the hash in upper-case hex.
/// </summary>
internal sealed class CheckpointRoot : IDisposable
{
    private readonly IncrementalHash _sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public long Streams { get; private set; }

    public void Add(string stream, long version, byte[] hash)
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{Encoding.UTF8.GetByteCount(stream)}:{stream};{version};{Convert.ToHexString(hash)};");
        _sha.AppendData(Encoding.UTF8.GetBytes(line));
        Streams++;
    }

    public string Finish() => Convert.ToHexString(_sha.GetHashAndReset()).ToLowerInvariant();

    public void Dispose() => _sha.Dispose();

    /// <summary>Orders stream ids as their UTF-8 bytes do, which is the code point order.</summary>
    public static int Compare(string a, string b)
    {
        for (var i = 0; i < a.Length && i < b.Length; i++)
            if (a[i] != b[i]) return Rank(a[i]).CompareTo(Rank(b[i]));
        return a.Length.CompareTo(b.Length);
    }

    // UTF-16 puts surrogates (code points above U+FFFF) before U+E000..U+FFFF; UTF-8 puts them after
    private static int Rank(char c) => c < 0xD800 ? c : c >= 0xE000 ? c - 0x800 : c + 0x2000;
}
