using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SecondChance.EventStore.Audit;

/// <summary>
/// The tamper-evidence hash of one event. Each field is its UTF-8 length, ':', the text, ';' (a dash and ';' for null),
/// so no two inputs collide.
/// <para>Format 2 (every event appended since migration 6): the client hashes what it knows before the append, the
/// database links it to the stream when it assigns the version and timestamp —
/// <c>SHA-256(content ‖ int8send(version) ‖ timestamptz_send(timestamp) ‖ previous)</c>, where content is the SHA-256 of
/// the fields id, stream id, type, data as jsonb prints it, tenant, correlation id, causation id, actor and headers.</para>
/// <para>Format 1 (events stored before migration 6): SHA-256 over all fields including version and timestamp as text,
/// then the previous hash, computed wholly in the database.</para>
/// </summary>
public static class EventHash
{
    public const short CurrentFormat = 2;

    /// <summary>Microseconds between the Unix epoch and PostgreSQL's (2000-01-01), in which timestamptz_send counts.</summary>
    private const long PostgresEpochMicros = 946_684_800_000_000;

    public static byte[] Content(Guid id, string streamId, string type, string dataJsonbText, string tenant,
        Guid? correlationId, Guid? causationId, string? actor, string? headersJsonbText)
    {
        var utf8 = Encoding.UTF8;
        var max = 3 * 60 + 8 * 12 + utf8.GetMaxByteCount(streamId.Length + type.Length + dataJsonbText.Length + tenant.Length
            + (actor?.Length ?? 0) + (headersJsonbText?.Length ?? 0));
        var rented = max > 1024 ? System.Buffers.ArrayPool<byte>.Shared.Rent(max) : null;
        Span<byte> buffer = rented ?? stackalloc byte[1024];
        var at = 0;
        Field(buffer, ref at, id);
        Field(buffer, ref at, streamId);
        Field(buffer, ref at, type);
        Field(buffer, ref at, dataJsonbText);
        Field(buffer, ref at, tenant);
        Field(buffer, ref at, correlationId);
        Field(buffer, ref at, causationId);
        Field(buffer, ref at, actor);
        Field(buffer, ref at, headersJsonbText);
        var hash = Sha256(buffer[..at]);
        if (rented is not null) System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        return hash;
    }

    private static void Field(Span<byte> buffer, ref int at, string? value)
    {
        if (value is null)
        {
            "-;"u8.CopyTo(buffer[at..]);
            at += 2;
            return;
        }
        // the length is written after the text is encoded, so the text is encoded once: shift it into place
        var text = Encoding.UTF8.GetBytes(value, buffer[(at + 12)..]);
        Span<byte> digits = stackalloc byte[11];
        text.TryFormat(digits, out var n, default, CultureInfo.InvariantCulture);
        buffer.Slice(at + 12, text).CopyTo(buffer[(at + n + 1)..]);
        digits[..n].CopyTo(buffer[at..]);
        buffer[at + n] = (byte)':';
        at += n + 1 + text;
        buffer[at++] = (byte)';';
    }

    private static void Field(Span<byte> buffer, ref int at, Guid? value)
    {
        if (value is not { } guid)
        {
            "-;"u8.CopyTo(buffer[at..]);
            at += 2;
            return;
        }
        "36:"u8.CopyTo(buffer[at..]);
        guid.TryFormat(buffer[(at + 3)..], out var written, "D");
        at += 3 + written;
        buffer[at++] = (byte)';';
    }

    /// <summary>Links an event's content to its place in the stream, exactly as the database's append does.</summary>
    public static byte[] Link(ReadOnlySpan<byte> content, long version, long timestampMicros, byte[]? previous)
    {
        Span<byte> buffer = stackalloc byte[32 + 8 + 8 + 32];
        content.CopyTo(buffer);
        BinaryPrimitives.WriteInt64BigEndian(buffer[32..], version);
        BinaryPrimitives.WriteInt64BigEndian(buffer[40..], timestampMicros - PostgresEpochMicros);
        var length = 48;
        if (previous is { Length: > 0 })
        {
            previous.CopyTo(buffer[48..]);
            length += previous.Length;
        }
        return Sha256(buffer[..length]);
    }

    [ThreadStatic] private static IncrementalHash? _sha256;

    /// <summary>SHA-256 through a hash object kept per thread: a new one per call costs more than hashing an event.</summary>
    private static byte[] Sha256(ReadOnlySpan<byte> input)
    {
        var sha = _sha256 ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(input);
        return sha.GetHashAndReset();
    }

    public static byte[] Compute(short format, byte[]? previous, Guid id, string streamId, long version, string type,
        string dataJsonbText, long timestampMicros, string tenant, Guid? correlationId, Guid? causationId, string? actor,
        string? headersJsonbText) => format switch
    {
        1 => ComputeFormat1(previous, id, streamId, version, type, dataJsonbText, timestampMicros, tenant, correlationId,
            causationId, actor, headersJsonbText),
        2 => Link(Content(id, streamId, type, dataJsonbText, tenant, correlationId, causationId, actor, headersJsonbText),
            version, timestampMicros, previous),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown hash format."),
    };

    private static byte[] ComputeFormat1(byte[]? previous, Guid id, string streamId, long version, string type,
        string dataJsonbText, long timestampMicros, string tenant, Guid? correlationId, Guid? causationId, string? actor,
        string? headersJsonbText)
    {
        var max = 3 * 60 + 10 * 13 + 2 * 20 + (previous?.Length ?? 0) + Encoding.UTF8.GetMaxByteCount(streamId.Length + type.Length
            + dataJsonbText.Length + tenant.Length + (actor?.Length ?? 0) + (headersJsonbText?.Length ?? 0));
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(max);
        var at = 0;
        Field(buffer, ref at, id);
        Field(buffer, ref at, streamId);
        Field(buffer, ref at, version.ToString(CultureInfo.InvariantCulture));
        Field(buffer, ref at, type);
        Field(buffer, ref at, dataJsonbText);
        Field(buffer, ref at, timestampMicros.ToString(CultureInfo.InvariantCulture));
        Field(buffer, ref at, tenant);
        Field(buffer, ref at, correlationId);
        Field(buffer, ref at, causationId);
        Field(buffer, ref at, actor);
        Field(buffer, ref at, headersJsonbText);
        previous?.CopyTo(buffer, at);
        var hash = Sha256(buffer.AsSpan(0, at + (previous?.Length ?? 0)));
        System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        return hash;
    }

    /// <summary>Microseconds since the Unix epoch: PostgreSQL's timestamp precision.</summary>
    public static long Micros(DateTimeOffset t) => (t.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    public static DateTimeOffset TruncateToMicros(DateTimeOffset t) => DateTimeOffset.UnixEpoch.AddTicks(Micros(t) * 10);
}
