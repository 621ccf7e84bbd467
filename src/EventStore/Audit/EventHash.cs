using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SecondChance.EventStore.Audit;

/// <summary>
/// The tamper-evidence hash of one event, computed exactly as the database's event_hash_input / event_hashes do:
/// SHA-256 over the canonical encoding of the event's fields followed by the previous event's hash in its stream.
/// Each field is its UTF-8 length, ':', the text, ';' (a dash and ';' for null), so no two inputs collide.
/// </summary>
public static class EventHash
{
    public static byte[] Compute(byte[]? previous, Guid id, string streamId, long version, string type, string dataJsonbText,
        long timestampMicros, string tenant, Guid? correlationId, Guid? causationId, string? actor, string? headersJsonbText)
    {
        var text = new StringBuilder(dataJsonbText.Length + 256);
        Field(text, id.ToString("D"));
        Field(text, streamId);
        Field(text, version.ToString(CultureInfo.InvariantCulture));
        Field(text, type);
        Field(text, dataJsonbText);
        Field(text, timestampMicros.ToString(CultureInfo.InvariantCulture));
        Field(text, tenant);
        Field(text, correlationId?.ToString("D"));
        Field(text, causationId?.ToString("D"));
        Field(text, actor);
        Field(text, headersJsonbText);
        var input = Encoding.UTF8.GetBytes(text.ToString());
        var prev = previous ?? [];
        var buffer = new byte[input.Length + prev.Length];
        input.CopyTo(buffer, 0);
        prev.CopyTo(buffer, input.Length);
        return SHA256.HashData(buffer);
    }

    /// <summary>Microseconds since the Unix epoch: PostgreSQL's timestamp precision.</summary>
    public static long Micros(DateTimeOffset t) => (t.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    public static DateTimeOffset TruncateToMicros(DateTimeOffset t) => DateTimeOffset.UnixEpoch.AddTicks(Micros(t) * 10);

    private static void Field(StringBuilder text, string? value)
    {
        if (value is null) { text.Append("-;"); return; }
        text.Append(Encoding.UTF8.GetByteCount(value).ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append(';');
    }
}
