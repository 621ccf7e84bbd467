using Npgsql;

namespace SecondChance.EventStore;

public sealed partial class PgEventStore
{
    /// <summary>
    /// Group commit for single-event appends onto existing streams. While fewer than <see cref="EventStoreOptions.MaxWritesInFlight"/> writes are
    /// under way, a caller writes its own append at once, alone, so a lone writer waits for nobody. Appends that arrive
    /// while that many are under way queue; each write that finishes takes the whole queue and writes it together: one
    /// statement each, sorted by stream so concurrent writes lock rows in one order, in one transaction and one round
    /// trip, acknowledged only after it commits. Each keeps its own version check; one that is refused writes nothing and
    /// leaves the others alone, and is then answered on its own (conflict or earlier stored retry). Should the shared
    /// transaction fail as a whole, every append in it is written again on its own, which is safe because event ids make
    /// retries idempotent. A write stuck on a lock holds up the queue only while every other slot is stuck too.
    /// </summary>
    private sealed class SharedCommits(PgEventStore store)
    {
        private const int MaxTogether = 64;
        private readonly int _maxInFlight = Math.Max(1, store.Options.MaxWritesInFlight);
        private readonly object _gate = new();
        private readonly List<Waiting> _queue = [];
        private int _inFlight;

        private sealed record Waiting(PreparedAppend Append)
        {
            public TaskCompletionSource<AppendResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        public async Task<AppendResult> AppendAsync(PreparedAppend append, CancellationToken ct)
        {
            Waiting? waiting = null;
            lock (_gate)
            {
                if (_inFlight < _maxInFlight) _inFlight++;
                else _queue.Add(waiting = new Waiting(append));
            }
            if (waiting is not null) return await waiting.Done.Task.WaitAsync(ct);
            try
            {
                return (await store.AppendOwnAsync([append.Append], [append], ct))[0];
            }
            finally
            {
                Finished();
            }
        }

        /// <summary>A write ended: its slot takes whatever queued meanwhile, or is given back.</summary>
        private void Finished()
        {
            List<Waiting> together;
            lock (_gate)
            {
                if (_queue.Count == 0)
                {
                    _inFlight--;
                    return;
                }
                together = TakeQueued();
            }
            _ = Task.Run(() => WriteQueuedAsync(together));
        }

        private List<Waiting> TakeQueued()
        {
            var n = Math.Min(_queue.Count, MaxTogether);
            var taken = _queue.GetRange(0, n);
            _queue.RemoveRange(0, n);
            return taken;
        }

        private async Task WriteQueuedAsync(List<Waiting> together)
        {
            while (true)
            {
                try
                {
                    await WriteTogetherAsync(together);
                }
                catch (Exception e)
                {
                    foreach (var waiting in together) waiting.Done.TrySetException(e);
                }
                lock (_gate)
                {
                    if (_queue.Count == 0)
                    {
                        _inFlight--;
                        return;
                    }
                    together = TakeQueued();
                }
            }
        }

        private async Task WriteTogetherAsync(List<Waiting> together)
        {
            if (together.Count == 1)
            {
                await WriteAloneAsync(together[0]);
                return;
            }
            // one lock order for every shared write, so two of them cannot deadlock on each other's rows
            together = together.OrderBy(w => w.Append.Append.StreamId, StringComparer.Ordinal).ToList();
            List<StoredRow>[] rows;
            try
            {
                rows = await store.WriteTogetherAsync(together.Select(w => w.Append).ToList());
            }
            catch (Exception)
            {
                foreach (var waiting in together) await WriteAloneAsync(waiting);
                return;
            }
            for (var i = 0; i < together.Count; i++)
            {
                if (rows[i].Count == 0) await WriteAloneAsync(together[i]);
                else together[i].Done.TrySetResult(store.Stored(together[i].Append.Append, rows[i]));
            }
        }

        /// <summary>Refused, or caught up in a failed shared transaction: the append gets its own answer.</summary>
        private async Task WriteAloneAsync(Waiting waiting)
        {
            try
            {
                waiting.Done.TrySetResult((await store.AppendOwnAsync([waiting.Append.Append], [waiting.Append], CancellationToken.None))[0]);
            }
            catch (Exception e)
            {
                waiting.Done.TrySetException(e);
            }
        }
    }

    /// <summary>Single-event appends of several callers in one transaction; an empty row list means that one was refused.</summary>
    private async Task<List<StoredRow>[]> WriteTogetherAsync(List<PreparedAppend> appends)
    {
        await using var conn = await _dataSource.OpenConnectionAsync();
        var tx = _inline.Count == 0 ? null : await conn.BeginTransactionAsync();
        try
        {
            var rows = new List<StoredRow>[appends.Count];
            var linked = new StreamHead?[appends.Count];
            await using (var batch = new NpgsqlBatch(conn, tx))
            {
                for (var i = 0; i < appends.Count; i++)
                {
                    var cmd = new NpgsqlBatchCommand();
                    cmd.CommandText = BindOne(appends[i], cmd.Parameters, linkIfKnown: true, out linked[i]);
                    batch.BatchCommands.Add(cmd);
                }
                await using var reader = await batch.ExecuteReaderAsync();
                for (var i = 0; i < appends.Count; i++)
                {
                    rows[i] = await ReadRows(reader, 1, CancellationToken.None, linked[i]);
                    await reader.NextResultAsync();
                }
            }
            if (tx is not null)
            {
                var events = new List<StoredEvent>();
                for (var i = 0; i < appends.Count; i++)
                    if (rows[i].Count > 0) events.AddRange(Stored(appends[i].Append, rows[i]).Events);
                foreach (var projection in _inline) await projection.ApplyAsync(conn, tx, events, CancellationToken.None);
                await tx.CommitAsync();
            }
            var heads = new List<(string Stream, StoredRow Head)>(appends.Count);
            for (var i = 0; i < appends.Count; i++)
                if (rows[i].Count > 0) heads.Add((appends[i].Append.StreamId, rows[i][^1]));
                else if (linked[i] is not null) ForgetAll();
                else Forget(appends[i].Append.StreamId);
            Remember(heads);
            Committed?.Invoke();
            return rows;
        }
        finally
        {
            if (tx is not null) await tx.DisposeAsync();
        }
    }
}
