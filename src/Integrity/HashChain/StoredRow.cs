using Npgsql;

namespace SecondChance.Integrity.HashChain;

/// <summary>The columns of one Marten event row that its chain link covers, in the text forms PostgreSQL prints.</summary>
public sealed record StoredRow(Guid Id, string StreamId, long Version, string Type, string DataJsonbText, long TimestampMicros,
    string TenantId, string? CorrelationId, string? CausationId, string? UserName, string? HeadersJsonbText)
{
    /// <summary>The select list <see cref="Read"/> expects, for the events table aliased <c>e</c>.</summary>
    public const string Columns = """
        e.id, e.stream_id, e.version, e.type, e.data::text, (extract(epoch from e.timestamp) * 1000000)::bigint, e.tenant_id,
        e.correlation_id, e.causation_id, e.user_name, e.headers::text
        """;

    public const int ColumnCount = 11;

    public static StoredRow Read(NpgsqlDataReader r, int at = 0) => new(
        r.GetGuid(at), r.GetString(at + 1), r.GetInt64(at + 2), r.GetString(at + 3), r.GetString(at + 4), r.GetInt64(at + 5),
        r.GetString(at + 6), Text(r, at + 7), Text(r, at + 8), Text(r, at + 9), Text(r, at + 10));

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
