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

    private static void Write(StringBuilder sb, JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                var props = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                foreach (var p in e.EnumerateObject()) props[p.Name] = p.Value;
                var keys = props.Keys.Select(k => (Key: k, Bytes: Encoding.UTF8.GetBytes(k)))
                    .OrderBy(k => k.Bytes.Length).ThenBy(k => k.Bytes, ByteOrder.Instance).ToList();
                sb.Append('{');
                for (var i = 0; i < keys.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    WriteString(sb, keys[i].Key);
                    sb.Append(": ");
                    Write(sb, props[keys[i].Key]);
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

    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();
        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
