using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SecondChance.Integrity.HashChain;

/// <summary>
/// An event's chain link, computed from the row as stored, the same bytes as the old store's EventHash so history
/// moved over keeps verifying. Each field is its UTF-8 length, ':', the text, ';' (a dash and ';' for null).
/// <para>Format 2 (what the trigger writes): <c>SHA-256(content ‖ int8send(version) ‖ timestamptz_send(timestamp) ‖
/// previous)</c>, content being the SHA-256 of id, stream id, type, data as jsonb prints it, tenant, correlation id,
/// causation id, user name and headers as jsonb prints them.</para>
/// <para>Format 1 (old history only): SHA-256 over all fields with version and timestamp as text, then the previous
/// hash.</para>
/// Correlation and causation ids are Marten's text columns; a uuid printed by PostgreSQL has the same bytes as the
/// old store's uuid field.
/// </summary>
public static class ChainHash
{
    public const short DatabaseFormat = 2;

    /// <summary>Microseconds between the Unix epoch and PostgreSQL's (2000-01-01), in which timestamptz_send counts.</summary>
    private const long PostgresEpochMicros = 946_684_800_000_000;

    public static bool IsKnownFormat(short format) => format is 1 or 2;

    public static byte[] Compute(short format, byte[]? previous, StoredRow row) => format switch
    {
        1 => Format1(previous, row),
        2 => Link(Content(row), row.Version, row.TimestampMicros, previous),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown hash format."),
    };

    public static byte[] Content(StoredRow row)
    {
        var fields = new Fields();
        fields.Add(row.Id.ToString("D"));
        fields.Add(row.StreamId);
        fields.Add(row.Type);
        fields.Add(row.DataJsonbText);
        fields.Add(row.TenantId);
        fields.Add(row.CorrelationId);
        fields.Add(row.CausationId);
        fields.Add(row.UserName);
        fields.Add(row.HeadersJsonbText);
        return SHA256.HashData(fields.Bytes);
    }

    public static byte[] Link(ReadOnlySpan<byte> content, long version, long timestampMicros, byte[]? previous)
    {
        var buffer = new byte[48 + (previous?.Length ?? 0)];
        content.CopyTo(buffer);
        BinaryPrimitives.WriteInt64BigEndian(buffer.AsSpan(32), version);
        BinaryPrimitives.WriteInt64BigEndian(buffer.AsSpan(40), timestampMicros - PostgresEpochMicros);
        previous?.CopyTo(buffer, 48);
        return SHA256.HashData(buffer);
    }

    private static byte[] Format1(byte[]? previous, StoredRow row)
    {
        var fields = new Fields();
        fields.Add(row.Id.ToString("D"));
        fields.Add(row.StreamId);
        fields.Add(row.Version.ToString(CultureInfo.InvariantCulture));
        fields.Add(row.Type);
        fields.Add(row.DataJsonbText);
        fields.Add(row.TimestampMicros.ToString(CultureInfo.InvariantCulture));
        fields.Add(row.TenantId);
        fields.Add(row.CorrelationId);
        fields.Add(row.CausationId);
        fields.Add(row.UserName);
        fields.Add(row.HeadersJsonbText);
        if (previous is not null) fields.AddRaw(previous);
        return SHA256.HashData(fields.Bytes);
    }

    private sealed class Fields
    {
        private readonly MemoryStream _bytes = new();

        public ReadOnlySpan<byte> Bytes => _bytes.GetBuffer().AsSpan(0, (int)_bytes.Length);

        public void Add(string? value)
        {
            if (value is null)
            {
                _bytes.Write("-;"u8);
                return;
            }
            var text = Encoding.UTF8.GetBytes(value);
            _bytes.Write(Encoding.ASCII.GetBytes(text.Length.ToString(CultureInfo.InvariantCulture)));
            _bytes.WriteByte((byte)':');
            _bytes.Write(text);
            _bytes.WriteByte((byte)';');
        }

        public void AddRaw(byte[] bytes) => _bytes.Write(bytes);
    }
}
