using Marten;
using Npgsql;
using SecondChance.Integrity.Events;

namespace SecondChance.Application.Idempotency;

public sealed class IdempotencyStore(MartenEventLog store)
{
    private const string TableName = "idempotency_keys";
    private readonly string _table = $"{store.Schema}.{TableName}";

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

    /// <summary>
    /// Queues the record on the command's session, so it commits with the command's events or not at all. When another
    /// request recorded the key first, the save fails (<see cref="IsKeyTaken"/>) and nothing of this command is written.
    /// </summary>
    public void Queue(IDocumentSession session, IdempotencyClaim claim, StoredResponse response)
    {
        var batch = new SqlBatch();
        batch.Add($"insert into {_table} (key, request_hash, status_code, body, location, etag) values ($1, $2, $3, $4, $5, $6)",
            claim.Key, claim.RequestHash, response.StatusCode, response.Body, response.Location, response.ETag);
        batch.QueueOn(session);
    }

    public static bool IsKeyTaken(Exception e) =>
        (e as PostgresException ?? e.InnerException as PostgresException) is { SqlState: PostgresErrorCodes.UniqueViolation, TableName: TableName };
}
