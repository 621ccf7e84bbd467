using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;

namespace SecondChance.EventStore.Audit;

/// <summary>
/// Writes JSON the way PostgreSQL prints a jsonb value (jsonb::text): object keys ordered by length then bytes, the
/// last of duplicate keys kept, ", " and ": " separators, numbers as numeric prints them. Lets a bulk import hash
/// events exactly as the database will show them, without a round trip.
/// </summary>
public static class JsonbText
{
    public static string Canonicalize(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var sb = new StringBuilder(json.Length + 16);
        Write(sb, doc.RootElement);
        return sb.ToString();
    }

    public static string Canonicalize(ReadOnlyMemory<byte> utf8Json)
    {
        using var doc = JsonDocument.Parse(utf8Json);
        var sb = new StringBuilder(utf8Json.Length + 16);
        Write(sb, doc.RootElement);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                var members = new Member[e.GetPropertyCount()];
                var n = 0;
                foreach (var p in e.EnumerateObject())
                {
                    members[n] = new Member(p.Name, Encoding.UTF8.GetByteCount(p.Name), n, p.Value);
                    n++;
                }
                Array.Sort(members, MemberOrder.Instance);
                sb.Append('{');
                var written = 0;
                for (var i = 0; i < members.Length; i++)
                {
                    // of duplicate keys the last one written wins, as in jsonb
                    if (i + 1 < members.Length && members[i + 1].Key == members[i].Key) continue;
                    if (written++ > 0) sb.Append(", ");
                    WriteString(sb, members[i].Key);
                    sb.Append(": ");
                    Write(sb, members[i].Value);
                }
                sb.Append('}');
                break;
            case JsonValueKind.Array:
                sb.Append('[');
                var first = true;
                foreach (var item in e.EnumerateArray())
                {
                    if (!first) sb.Append(", ");
                    first = false;
                    Write(sb, item);
                }
                sb.Append(']');
                break;
            case JsonValueKind.String: WriteString(sb, e.GetString()!); break;
            case JsonValueKind.Number: sb.Append(Numeric(e.GetRawText())); break;
            case JsonValueKind.True: sb.Append("true"); break;
            case JsonValueKind.False: sb.Append("false"); break;
            default: sb.Append("null"); break;
        }
    }

    private static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < ' ') sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }

    /// <summary>numeric's text form: plain digits, scale = digits after the point less the exponent, never negative.</summary>
    private static string Numeric(string raw)
    {
        if (IsPlainInteger(raw)) return raw;
        var negative = raw.StartsWith('-');
        var body = negative ? raw[1..] : raw;
        var exponent = 0;
        var eAt = body.IndexOfAny(['e', 'E']);
        if (eAt >= 0)
        {
            exponent = int.Parse(body[(eAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            body = body[..eAt];
        }
        if (eAt < 0)
        {
            var plain = body.TrimStart('0');
            if (plain.Length == 0 || plain[0] == '.') plain = "0" + plain;
            return (negative && plain.Trim('0', '.').Length > 0 ? "-" : "") + plain;
        }
        var point = body.IndexOf('.');
        var fraction = point < 0 ? 0 : body.Length - point - 1;
        var digits = BigInteger.Parse(point < 0 ? body : body.Remove(point, 1), CultureInfo.InvariantCulture);
        var scale = fraction - exponent;
        if (scale < 0)
        {
            digits *= BigInteger.Pow(10, -scale);
            scale = 0;
        }
        var text = digits.ToString(CultureInfo.InvariantCulture).PadLeft(scale + 1, '0');
        if (scale > 0) text = text[..^scale] + "." + text[^scale..];
        return (negative && !digits.IsZero ? "-" : "") + text;
    }

    private static bool IsPlainInteger(string raw)
    {
        var i = raw.StartsWith('-') ? 1 : 0;
        if (raw.Length <= i || raw[i] is < '1' or > '9') return false;
        for (i++; i < raw.Length; i++)
            if (raw[i] is < '0' or > '9') return false;
        return true;
    }

    private readonly record struct Member(string Key, int Utf8Length, int Index, JsonElement Value);

    /// <summary>jsonb's key order: shorter UTF-8 first, then by bytes (code points); equal keys stay in document order.</summary>
    private sealed class MemberOrder : IComparer<Member>
    {
        public static readonly MemberOrder Instance = new();

        public int Compare(Member x, Member y)
        {
            if (x.Utf8Length != y.Utf8Length) return x.Utf8Length.CompareTo(y.Utf8Length);
            var a = x.Key;
            var b = y.Key;
            for (var i = 0; i < a.Length && i < b.Length; i++)
                if (a[i] != b[i]) return CodePointRank(a[i]).CompareTo(CodePointRank(b[i]));
            return a.Length != b.Length ? a.Length.CompareTo(b.Length) : x.Index.CompareTo(y.Index);
        }

        // UTF-16 order puts surrogates (code points above U+FFFF) before U+E000..U+FFFF; UTF-8 byte order puts them after
        private static int CodePointRank(char c) => c < 0xD800 ? c : c >= 0xE000 ? c - 0x800 : c + 0x2000;
    }
}
