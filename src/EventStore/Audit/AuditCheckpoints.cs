using System.Globalization;

namespace SecondChance.EventStore.Audit;

/// <summary>Takes audit checkpoints and proves them against the events as they are now.</summary>
public sealed class AuditCheckpoints(PgEventStore store)
{
    /// <summary>A proof lists this many broken streams at most; it counts them all.</summary>
    public const int MaxBrokenLinks = 1000;

    /// <summary>Takes a checkpoint at the newest place in the log that every reader can already see.</summary>
    public Task<AuditCheckpoint> TakeAsync(TimeProvider clock, CancellationToken ct = default) => TakeAsync(clock, null, ct);

    /// <summary>Takes a checkpoint, handing each stream's head to <paramref name="head"/> in the root's order as it goes.</summary>
    public async Task<AuditCheckpoint> TakeAsync(TimeProvider clock, Func<StreamHead, ValueTask>? head, CancellationToken ct = default)
    {
        // order by the xid8 column itself (qualified): the bare name would mean the selected text, sorting '9997' after '32238'
        await using var at = store.DataSource.CreateCommand($"""
            select e.transaction_id::text, e.seq_id from {store.Schema}.events e
             where e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
             order by e.transaction_id desc, e.seq_id desc limit 1
            """);
        var cursor = GlobalCursor.Start;
        await using (var r = await at.ExecuteReaderAsync(ct))
            if (await r.ReadAsync(ct))
                cursor = new GlobalCursor(ulong.Parse(r.GetString(0), CultureInfo.InvariantCulture), r.GetInt64(1));
        var takenAt = clock.GetUtcNow();

        await using var cmd = store.DataSource.CreateCommand($"""
            select stream_id, max(version), count(*), (array_agg(hash order by version desc))[1]
              from {store.Schema}.events
             where (transaction_id, seq_id) <= ($1::text::xid8, $2)
             group by stream_id order by stream_id collate "C"
            """);
        AddCursor(cmd, cursor);
        using var root = new CheckpointRoot();
        long events = 0;
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
            {
                var stream = new StreamHead(r.GetString(0), r.GetInt64(1), r.GetFieldValue<byte[]>(3));
                root.Add(stream.StreamId, stream.Version, stream.Hash);
                events += r.GetInt64(2);
                if (head is not null) await head(stream);
            }
        return new AuditCheckpoint(cursor.TransactionId, cursor.Position, root.Streams, events, root.Finish(), takenAt);
    }

    public Task<CheckpointProof> ProveAsync(AuditCheckpoint checkpoint, CancellationToken ct = default) => ProveAsync(checkpoint, null, null, ct);

    /// <summary>
    /// Recomputes every stream's chain from its events' content, in one pass over the events at or before the
    /// checkpoint in stream and version order, and compares the heads so found with <paramref name="heads"/> (the
    /// checkpoint's own list, in the root's order) when given, and with the checkpoint's root hash.
    /// </summary>
    public async Task<CheckpointProof> ProveAsync(AuditCheckpoint checkpoint, IEnumerable<StreamHead>? heads,
        IProgress<VerificationProgress>? progress, CancellationToken ct = default)
    {
        await using var cmd = store.DataSource.CreateCommand($"""
            select {HashedEventRow.Columns}
              from {store.Schema}.events
             where (transaction_id, seq_id) <= ($1::text::xid8, $2)
             order by stream_id collate "C", version
            """);
        AddCursor(cmd, checkpoint.Cursor);
        using var expected = heads?.GetEnumerator();
        using var pass = new ProofPass(expected, progress);
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
                pass.Add(r);
        var root = pass.Finish();
        return new CheckpointProof(checkpoint, root, pass.Streams, pass.Events, pass.Broken, pass.BrokenStreams, heads is not null);
    }

    private static void AddCursor(Npgsql.NpgsqlCommand cmd, GlobalCursor at)
    {
        cmd.Parameters.Add(new() { Value = at.TransactionId.ToString(CultureInfo.InvariantCulture) });
        cmd.Parameters.Add(new() { Value = at.Position });
        cmd.CommandTimeout = 0;
    }
}
