using Npgsql;

namespace SecondChance.EventStore.Audit;

/// <summary>The columns an event's hash covers, as the verifier and the checkpoint proof read them, and its recomputation.</summary>
internal static class HashedEventRow
{
    /// <summary>stream_id 0, version 1, then the hashed fields; the stored hash is column 11, its format column 12.</summary>
    public const string Columns = """
        stream_id, version, id, type, data::text, (extract(epoch from timestamp) * 1000000)::bigint, tenant_id,
        correlation_id, causation_id, actor, headers::text, hash, hash_format
        """;

    public const int StoredHash = 11;

    public static bool HasKnownFormat(NpgsqlDataReader e) => e.GetInt16(12) is 1 or 2;

    public static byte[] Compute(NpgsqlDataReader e, string streamId, long version, byte[]? previous) =>
        EventHash.Compute(e.GetInt16(12), previous, e.GetGuid(2), streamId, version, e.GetString(3), e.GetString(4), e.GetInt64(5), e.GetString(6),
            e.IsDBNull(7) ? null : e.GetGuid(7), e.IsDBNull(8) ? null : e.GetGuid(8),
            e.IsDBNull(9) ? null : e.GetString(9), e.IsDBNull(10) ? null : e.GetString(10));
}
