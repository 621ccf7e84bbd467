using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SecondChance.EventStore.Audit;

/// <summary>
/// What an auditor keeps: the root hash over every stream's head as of a place in the global log. Recomputing it
/// later from the events proves that nothing at or before that place was changed, added or removed.
/// </summary>
public sealed record AuditCheckpoint(ulong TransactionId, long Position, long Streams, long Events, string RootHash, DateTimeOffset TakenAt)
{
    public GlobalCursor Cursor => new(TransactionId, Position);
}

public sealed record CheckpointProof(AuditCheckpoint Checkpoint, string RecomputedRootHash, long Streams, long Events)
{
    public bool Holds => string.Equals(Checkpoint.RootHash, RecomputedRootHash, StringComparison.Ordinal)
                         && Streams == Checkpoint.Streams && Events == Checkpoint.Events;
}

public sealed class AuditCheckpoints(PgEventStore store)
{
    /// <summary>Takes a checkpoint at the newest place in the log that every reader can already see.</summary>
    public async Task<AuditCheckpoint> TakeAsync(TimeProvider clock, CancellationToken ct = default)
    {
        // order by the xid8 column itself (qualified): the bare name would mean the selected text, sorting '9997' after '32238'
        await using var cmd = store.DataSource.CreateCommand($"""
            select e.transaction_id::text, e.seq_id from {store.Schema}.events e
             where e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
             order by e.transaction_id desc, e.seq_id desc limit 1
            """);
        var cursor = GlobalCursor.Start;
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            if (await r.ReadAsync(ct))
                cursor = new GlobalCursor(ulong.Parse(r.GetString(0), CultureInfo.InvariantCulture), r.GetInt64(1));
        var (root, streams, events) = await RootAsync(cursor, ct);
        return new AuditCheckpoint(cursor.TransactionId, cursor.Position, streams, events, root, clock.GetUtcNow());
    }

    public async Task<CheckpointProof> ProveAsync(AuditCheckpoint checkpoint, CancellationToken ct = default)
    {
        var (root, streams, events) = await RootAsync(checkpoint.Cursor, ct);
        return new CheckpointProof(checkpoint, root, streams, events);
    }

    private async Task<(string Root, long Streams, long Events)> RootAsync(GlobalCursor at, CancellationToken ct)
    {
        await using var cmd = store.DataSource.CreateCommand($"""
            select stream_id, max(version), count(*), (array_agg(hash order by version desc))[1]
              from {store.Schema}.events
             where (transaction_id, seq_id) <= ($1::text::xid8, $2)
             group by stream_id
            """);
        cmd.Parameters.Add(new() { Value = at.TransactionId.ToString(CultureInfo.InvariantCulture) });
        cmd.Parameters.Add(new() { Value = at.Position });
        cmd.CommandTimeout = 0;
        var heads = new List<(string Stream, long Version, byte[] Hash)>();
        long events = 0;
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
            {
                heads.Add((r.GetString(0), r.GetInt64(1), r.GetFieldValue<byte[]>(3)));
                events += r.GetInt64(2);
            }
        heads.Sort((x, y) => string.CompareOrdinal(x.Stream, y.Stream));
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (stream, version, hash) in heads)
        {
            var line = $"{Encoding.UTF8.GetByteCount(stream)}:{stream};{version};{Convert.ToHexString(hash)};";
            sha.AppendData(Encoding.UTF8.GetBytes(line));
        }
        return (Convert.ToHexString(sha.GetHashAndReset()).ToLowerInvariant(), heads.Count, events);
    }
}
