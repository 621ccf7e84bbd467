using SecondChance.Integrity.Tenancy;
using System.Globalization;
using Npgsql;

namespace SecondChance.Integrity.HashChain;

/// <summary>Takes audit checkpoints over Marten's events and their links, and proves them against the events as they are now.</summary>
public sealed class AuditCheckpoints(TenantDataSource dataSource, string schema = MartenSetup.Schema)
{
    /// <summary>A proof lists this many broken streams at most; it counts them all.</summary>
    public const int MaxBrokenLinks = 1000;

    private string Links => $"{schema}.{HashChainSchema.LinksTable}";

    /// <summary>Takes a checkpoint at the newest link that every reader can already see.</summary>
    public Task<AuditCheckpoint> TakeAsync(TimeProvider clock, CancellationToken ct = default) => TakeAsync(clock, null, ct);

    /// <summary>Takes a checkpoint, handing each stream's head to <paramref name="head"/> in the root's order as it goes.</summary>
    public async Task<AuditCheckpoint> TakeAsync(TimeProvider clock, Func<StreamHead, ValueTask>? head, CancellationToken ct = default)
    {
        // order by the xid8 column itself (qualified): the bare name would mean the selected text, sorting '9997' after '32238'
        await using var at = dataSource.CreateCommand($"""
            select h.transaction_id::text, h.seq_id from {Links} h
             where h.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
             order by h.transaction_id desc, h.seq_id desc limit 1
            """);
        var cursor = new CheckpointCursor(0, 0);
        await using (var r = await at.ExecuteReaderAsync(ct))
            if (await r.ReadAsync(ct))
                cursor = new CheckpointCursor(ulong.Parse(r.GetString(0), CultureInfo.InvariantCulture), r.GetInt64(1));
        var takenAt = clock.GetUtcNow();

        // a stream's head is its newest link at or before the cursor; links, not events, so a deleted event is not forgotten
        await using var cmd = dataSource.CreateCommand($"""
            select c.stream_id, c.version, c.events, h.hash
              from (select stream_id, max(version) as version, count(*) as events from {Links}
                     where (transaction_id, seq_id) <= ($1::text::xid8, $2) group by stream_id) c
              join {Links} h on h.stream_id = c.stream_id and h.version = c.version
             order by c.stream_id collate "C"
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
    /// Recomputes every stream's chain from its events' content (never from a stored link), in one pass over the events
    /// and their links in stream and version order, and compares the heads so found at the checkpoint's place with
    /// <paramref name="heads"/> (the checkpoint's own list, in the root's order) when given, and with its root hash.
    /// An event is at or before the checkpoint by its link's place in the log (by its sequence number if it has no
    /// link); events after it are later history, unless one sits before an event the checkpoint covers.
    /// </summary>
    /// <exception cref="CheckpointFormatException">The checkpoint cannot be one (a root hash that is no hash, a negative count).</exception>
    public async Task<CheckpointProof> ProveAsync(AuditCheckpoint checkpoint, IEnumerable<StreamHead>? heads,
        IProgress<VerificationProgress>? progress, CancellationToken ct = default)
    {
        Validate(checkpoint);
        // every event with its link, and every link whose event is gone (a null event id), the tombstone stream aside
        await using var cmd = dataSource.CreateCommand($"""
            select coalesce(e.stream_id, h.stream_id), coalesce(e.version, h.version), e.id is not null,
                   {StoredRow.Columns}, h.hash, h.hash_format,
                   case when h.seq_id is null then e.seq_id <= $2 else (h.transaction_id, h.seq_id) <= ($1::text::xid8, $2) end
              from {schema}.mt_events e full join {Links} h on h.seq_id = e.seq_id
             where coalesce(e.stream_id, h.stream_id) <> '{HashChainSchema.TombstoneStream}'
             order by coalesce(e.stream_id, h.stream_id) collate "C", coalesce(e.version, h.version), e.id is null
            """);
        AddCursor(cmd, checkpoint.Cursor);
        using var expected = heads?.GetEnumerator();
        using var pass = new ProofPass(expected, progress);
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
                pass.Add(ProofRow.Read(r));
        var root = pass.Finish();
        return new CheckpointProof(checkpoint, root, pass.Streams, pass.Events, pass.Broken, pass.BrokenStreams, heads is not null);
    }

    /// <summary>What <see cref="CheckpointFile.Read"/> refuses, refused here too for a checkpoint built some other way.</summary>
    private static void Validate(AuditCheckpoint c)
    {
        if (c.RootHash is not { Length: 64 } || !c.RootHash.All(char.IsAsciiHexDigit))
            throw new CheckpointFormatException("rootHash", $"rootHash is \"{c.RootHash}\", not 64 hexadecimal digits");
        if (c.Position < 0) throw new CheckpointFormatException("position", $"position is {c.Position}, not a whole number of 0 or more");
        if (c.Streams < 0) throw new CheckpointFormatException("streams", $"streams is {c.Streams}, not a whole number of 0 or more");
        if (c.Events < 0) throw new CheckpointFormatException("events", $"events is {c.Events}, not a whole number of 0 or more");
    }

    private static void AddCursor(NpgsqlCommand cmd, CheckpointCursor at)
    {
        cmd.Parameters.Add(new() { Value = at.TransactionId.ToString(CultureInfo.InvariantCulture) });
        cmd.Parameters.Add(new() { Value = at.Position });
        cmd.CommandTimeout = 0;
    }
}
