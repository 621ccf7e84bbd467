using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace SecondChance.Integrity.HashChain;

/// <summary>
/// What an auditor keeps: the root hash over every stream's head as of a place in Marten's log (the appending
/// transaction and sequence number of an event's link). Recomputing it later proves that nothing at or before that
/// place was changed, added, reordered or removed.
/// </summary>
public sealed record AuditCheckpoint(ulong TransactionId, long Position, long Streams, long Events, string RootHash, DateTimeOffset TakenAt);

/// <summary>One way the log up to a checkpoint differs from what the checkpoint saw; stream and version when known.</summary>
public sealed record ProofFailure(string? StreamId, long? Version, string Problem);

public sealed record CheckpointProof(AuditCheckpoint Checkpoint, string RecomputedRootHash, long Streams, long Events,
    IReadOnlyList<ProofFailure> Failures)
{
    public bool Holds => Failures.Count == 0 && string.Equals(Checkpoint.RootHash, RecomputedRootHash, StringComparison.Ordinal)
                         && Streams == Checkpoint.Streams && Events == Checkpoint.Events;
}

/// <summary>A checkpoint that cannot be a checkpoint at all: an error in the auditor's input, not in the log.</summary>
public sealed class InvalidCheckpointException(string message) : ArgumentException(message);

public sealed class AuditCheckpoints(NpgsqlDataSource dataSource, string schema = MartenSetup.Schema)
{
    private string Links => $"{schema}.{HashChainSchema.LinksTable}";

    /// <summary>Takes a checkpoint at the newest link that every reader can already see.</summary>
    public async Task<AuditCheckpoint> TakeAsync(TimeProvider clock, CancellationToken ct = default)
    {
        // order by the xid8 column itself (qualified): the bare name would mean the selected text
        await using var cmd = dataSource.CreateCommand($"""
            select h.transaction_id::text, h.seq_id from {Links} h
             where h.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
             order by h.transaction_id desc, h.seq_id desc limit 1
            """);
        ulong transaction = 0;
        long position = 0;
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            if (await r.ReadAsync(ct))
            {
                transaction = ulong.Parse(r.GetString(0), CultureInfo.InvariantCulture);
                position = r.GetInt64(1);
            }
        await using var heads = dataSource.CreateCommand($"""
            select distinct on (h.stream_id) h.stream_id, h.version, h.hash, count(*) over (partition by h.stream_id)
              from {Links} h where (h.transaction_id, h.seq_id) <= ($1::text::xid8, $2)
             order by h.stream_id, h.version desc
            """);
        heads.Parameters.Add(new() { Value = transaction.ToString(CultureInfo.InvariantCulture) });
        heads.Parameters.Add(new() { Value = position });
        heads.CommandTimeout = 0;
        var list = new List<(string Stream, long Version, byte[] Hash)>();
        long events = 0;
        await using (var r = await heads.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
            {
                list.Add((r.GetString(0), r.GetInt64(1), r.GetFieldValue<byte[]>(2)));
                events += r.GetInt64(3);
            }
        return new AuditCheckpoint(transaction, position, list.Count, events, Root(list), clock.GetUtcNow());
    }

    /// <summary>
    /// Recomputes every chain from the events' content up to the checkpoint and the root from those recomputed
    /// heads, never trusting a stored link. An event edited, removed, inserted or moved at or before the checkpoint
    /// fails the proof with its stream and version; events removed from a stream's end, or links rewritten
    /// consistently, fail it through the root and the counts.
    /// </summary>
    public async Task<CheckpointProof> ProveAsync(AuditCheckpoint checkpoint, CancellationToken ct = default)
    {
        Validate(checkpoint);
        var failures = new List<ProofFailure>();
        var heads = new List<(string Stream, long Version, byte[] Hash)>();
        long events = 0;

        // an event is before the checkpoint by its link's place; an event without a link, by its sequence number
        await using var cmd = dataSource.CreateCommand($"""
            select {StoredRow.Columns}, h.hash, h.hash_format,
                   case when h.seq_id is null then e.seq_id <= $2 else (h.transaction_id, h.seq_id) <= ($1::text::xid8, $2) end
              from {schema}.mt_events e left join {Links} h on h.seq_id = e.seq_id
             where e.stream_id <> '{HashChainSchema.TombstoneStream}'
             order by e.stream_id collate "C", e.version
            """);
        cmd.Parameters.Add(new() { Value = checkpoint.TransactionId.ToString(CultureInfo.InvariantCulture) });
        cmd.Parameters.Add(new() { Value = checkpoint.Position });
        cmd.CommandTimeout = 0;
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            var walk = new StreamWalk(null);
            while (await r.ReadAsync(ct))
            {
                var row = StoredRow.Read(r);
                if (row.StreamId != walk.StreamId)
                {
                    walk.Finish(failures, heads, ref events);
                    walk = new StreamWalk(row.StreamId);
                }
                var c = StoredRow.ColumnCount;
                walk.Add(row, r.IsDBNull(c) ? null : r.GetFieldValue<byte[]>(c), r.IsDBNull(c + 1) ? ChainHash.DatabaseFormat : r.GetInt16(c + 1),
                    r.GetBoolean(c + 2));
            }
            walk.Finish(failures, heads, ref events);
        }

        await using var orphans = dataSource.CreateCommand($"""
            select h.stream_id, h.version from {Links} h
             where (h.transaction_id, h.seq_id) <= ($1::text::xid8, $2)
               and not exists (select 1 from {schema}.mt_events e where e.seq_id = h.seq_id)
             order by h.stream_id, h.version
            """);
        orphans.Parameters.Add(new() { Value = checkpoint.TransactionId.ToString(CultureInfo.InvariantCulture) });
        orphans.Parameters.Add(new() { Value = checkpoint.Position });
        await using (var r = await orphans.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
                if (!failures.Any(f => f.StreamId == r.GetString(0) && f.Version == r.GetInt64(1)))
                    failures.Add(new ProofFailure(r.GetString(0), r.GetInt64(1), "event removed; its chain link remains"));

        var root = Root(heads);
        if (failures.Count == 0 && (root != checkpoint.RootHash || heads.Count != checkpoint.Streams || events != checkpoint.Events))
            failures.Add(new ProofFailure(null, null,
                $"the log up to the checkpoint holds {heads.Count} streams and {events} events against the checkpoint's " +
                $"{checkpoint.Streams} and {checkpoint.Events}, and its root differs: events were removed from the end of " +
                "a stream, a stream was removed, or links were rewritten"));
        return new CheckpointProof(checkpoint, root, heads.Count, events, failures);
    }

    private static void Validate(AuditCheckpoint c)
    {
        if (c.Position < 0) throw new InvalidCheckpointException("The checkpoint's position is negative.");
        if (c.Streams < 0 || c.Events < c.Streams) throw new InvalidCheckpointException("The checkpoint's stream and event counts are impossible.");
        if (c.RootHash is not { Length: 64 } || !c.RootHash.All(char.IsAsciiHexDigitLower))
            throw new InvalidCheckpointException("The checkpoint's root hash is not 64 lowercase hex digits.");
    }

    private static string Root(List<(string Stream, long Version, byte[] Hash)> heads)
    {
        heads.Sort((x, y) => string.CompareOrdinal(x.Stream, y.Stream));
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (stream, version, hash) in heads)
            sha.AppendData(Encoding.UTF8.GetBytes($"{Encoding.UTF8.GetByteCount(stream)}:{stream};{version};{Convert.ToHexString(hash)};"));
        return Convert.ToHexString(sha.GetHashAndReset()).ToLowerInvariant();
    }

    /// <summary>
    /// One stream's events in version order. What follows the stream's last event before the checkpoint is later
    /// history and is left alone; anything wrong up to that event is a failure.
    /// </summary>
    private sealed class StreamWalk(string? streamId)
    {
        public string? StreamId { get; } = streamId;
        private readonly List<ProofFailure> _pending = [];
        private readonly List<ProofFailure> _confirmed = [];
        private readonly List<byte[]> _displaced = [];
        private long _expected = 1;
        private long _pendingEvents;
        private long _events;
        private byte[]? _recomputed;
        private byte[]? _stored;
        private bool _afterGap;
        private (long Version, byte[] Hash)? _head;

        public void Add(StoredRow row, byte[]? stored, short format, bool beforeCheckpoint)
        {
            for (; _expected < row.Version; _expected++)
            {
                _pending.Add(new ProofFailure(StreamId, _expected, "event missing"));
                _afterGap = true;
            }
            _expected = row.Version + 1;
            _recomputed = ChainHash.Compute(format, _recomputed, row);
            _pendingEvents++;
            if (!beforeCheckpoint)
                _pending.Add(new ProofFailure(StreamId, row.Version, "event added after the checkpoint before events the checkpoint covers"));
            if (stored is null)
                _pending.Add(new ProofFailure(StreamId, row.Version, "event has no chain link"));
            else if (!_afterGap && !CryptographicOperations.FixedTimeEquals(ChainHash.Compute(format, _stored, row), stored)
                     && !_displaced.Any(d => CryptographicOperations.FixedTimeEquals(ChainHash.Compute(format, d, row), stored)))
            {
                _pending.Add(new ProofFailure(StreamId, row.Version, "hash does not match the event and its predecessor"));
                _displaced.Add(stored);
            }
            _afterGap = stored is null;
            _stored = stored;
            if (!beforeCheckpoint) return;
            _confirmed.AddRange(_pending);
            _pending.Clear();
            _events += _pendingEvents;
            _pendingEvents = 0;
            _head = (row.Version, _recomputed);
        }

        public void Finish(List<ProofFailure> failures, List<(string, long, byte[])> heads, ref long events)
        {
            if (StreamId is null || _head is not { } head) return;
            failures.AddRange(_confirmed);
            heads.Add((StreamId, head.Version, head.Hash));
            events += _events;
        }
    }
}
