using System.Globalization;
using System.Text.Json;
using Npgsql;
using SecondChance.EventStore;

namespace SecondChance.Projections.Engine;

/// <summary>
/// Reads the global log in (transaction, sequence) order, like <see cref="PgEventStore.ReadAllAsync"/>. The
/// unrestricted read is for a rebuild's final catch-up while appends are held back, when every committed event
/// must be seen even if an unrelated transaction is still open.
/// </summary>
public sealed class LogReader(PgEventStore store)
{
    private static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();
    private readonly string _columns =
        "seq_id, transaction_id::text, id, stream_id, version, type, data::text, timestamp, tenant_id, correlation_id, causation_id, actor, headers::text";

    public PgEventStore Store => store;

    public Task<IReadOnlyList<StoredEvent>> ReadAsync(GlobalCursor after, int batchSize, CancellationToken ct) =>
        Read(after, batchSize, restricted: true, null, ct);

    public Task<IReadOnlyList<StoredEvent>> ReadCommittedAsync(GlobalCursor after, int batchSize, NpgsqlConnection conn, CancellationToken ct) =>
        Read(after, batchSize, restricted: false, conn, ct);

    private async Task<IReadOnlyList<StoredEvent>> Read(GlobalCursor after, int batchSize, bool restricted, NpgsqlConnection? conn, CancellationToken ct)
    {
        var sql = $"""
            select {_columns} from {store.Schema}.events
             where (transaction_id, seq_id) > ($1::text::xid8, $2)
               {(restricted ? "and transaction_id < pg_snapshot_xmin(pg_current_snapshot())" : "")}
             order by transaction_id, seq_id
             limit $3
            """;
        var owned = conn is null;
        conn ??= await store.DataSource.OpenConnectionAsync(ct);
        try
        {
            await using var cmd = new NpgsqlCommand(sql, conn);
            cmd.Parameters.Add(new() { Value = after.TransactionId.ToString(CultureInfo.InvariantCulture) });
            cmd.Parameters.Add(new() { Value = after.Position });
            cmd.Parameters.Add(new() { Value = Math.Clamp(batchSize, 1, 100_000) });
            var list = new List<StoredEvent>(Math.Min(batchSize, 10_000));
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) list.Add(ReadEvent(r));
            return list;
        }
        finally
        {
            if (owned) await conn.DisposeAsync();
        }
    }

    private StoredEvent ReadEvent(NpgsqlDataReader r)
    {
        var (alias, data) = store.Types.Deserialize(r.GetString(5), r.GetString(6));
        return new StoredEvent(r.GetInt64(0), ulong.Parse(r.GetString(1), CultureInfo.InvariantCulture), r.GetGuid(2),
            r.GetString(3), r.GetInt64(4), alias, data, r.GetFieldValue<DateTimeOffset>(7), r.GetString(8),
            r.IsDBNull(9) ? null : r.GetGuid(9), r.IsDBNull(10) ? null : r.GetGuid(10), r.IsDBNull(11) ? null : r.GetString(11),
            r.IsDBNull(12) ? NoHeaders : JsonSerializer.Deserialize<Dictionary<string, string>>(r.GetString(12)) ?? NoHeaders);
    }
}
