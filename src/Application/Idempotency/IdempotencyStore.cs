using SecondChance.Integrity.Events;
using Npgsql;

namespace SecondChance.Application.Idempotency;

public sealed class IdempotencyStore(MartenEventLog store)
{
    private readonly string _table = $"{store.Schema}.idempotency_keys";

    public async Task<IdempotencyRecord?> FindAsync(string key, CancellationToken ct)
    {
        await using var cmd = store.DataSource.CreateCommand(
            $"select request_hash, status_code, body, location, etag from {_table} where key = $1");
        cmd.Parameters.Add(new() { Value = key });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        return new IdempotencyRecord(key, r.GetString(0), new StoredResponse(r.GetInt32(1), r.GetString(2),
            r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4)));
    }

    /// <summary>False when another request recorded the key first; the caller then rolls back its own writes.</summary>
    public async Task<bool> TryRecordAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, IdempotencyClaim claim, StoredResponse response, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"""
            insert into {_table} (key, request_hash, status_code, body, location, etag)
            values ($1, $2, $3, $4, $5, $6) on conflict (key) do nothing
            """, conn, tx);
        cmd.Parameters.Add(new() { Value = claim.Key });
        cmd.Parameters.Add(new() { Value = claim.RequestHash });
        cmd.Parameters.Add(new() { Value = response.StatusCode });
        cmd.Parameters.Add(new() { Value = response.Body });
        cmd.Parameters.Add(new() { Value = (object?)response.Location ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        cmd.Parameters.Add(new() { Value = (object?)response.ETag ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }
}
