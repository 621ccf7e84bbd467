using SecondChance.Integrity.Events;
using System.Diagnostics;
using System.Threading.Channels;
using Npgsql;
using SecondChance.EventStore;
using SecondChance.EventStore.Schema;

namespace SecondChance.Projections.Engine;

/// <summary>
/// Builds projections from the start of the log into shadow schemas while the live ones keep serving and running,
/// then swaps each in by renaming schemas in one transaction that also sets the checkpoint. The log is read once
/// for all projections being rebuilt. A crashed rebuild leaves the live model untouched and simply starts over.
/// </summary>
public sealed class ProjectionRebuilder(ProjectionStore store, LogReader reader, ProjectionRegistry registry)
{
    public Task RebuildAllAsync(IProgress<RebuildProgress>? progress = null, CancellationToken ct = default) =>
        RebuildAsync(registry.All.ToList(), progress, ct);

    public async Task RebuildAsync(IReadOnlyList<IProjection> projections, IProgress<RebuildProgress>? progress = null,
        CancellationToken ct = default, int batchSize = 5000)
    {
        if (projections.Count == 0) return;
        var names = projections.Select(p => p.Name).ToList();
        await store.EnsureAsync(projections, ct);
        await using var lockConn = await store.DataSource.OpenConnectionAsync(ct);
        foreach (var p in projections)
        {
            await using var cmd = new NpgsqlCommand($"select pg_try_advisory_lock({ProjectionStore.RebuildLock}, hashtext($1))", lockConn);
            cmd.Parameters.Add(new() { Value = store.LockName(p) });
            if (await cmd.ExecuteScalarAsync(ct) is not true)
                throw new InvalidOperationException($"Projection '{p.Name}' is being rebuilt by another process.");
        }
        var sw = Stopwatch.StartNew();
        try
        {
            foreach (var p in projections)
            {
                await DropSchemaAsync(Shadow(p), ct);
                await SchemaMigrator.MigrateAsync(store.DataSource, Shadow(p), [(p.Name, p.Migrations)], ct);
                await store.SetRebuildingAsync(p.Name, true, 0, ct);
            }
            var total = await CountEventsAsync(ct);
            var (cursor, applied) = await BuildAsync(projections, batchSize, total, sw, progress, ct);
            foreach (var p in projections)
            {
                applied += await SwapAsync(p, cursor, applied, batchSize, ct);
                progress?.Report(new RebuildProgress("swapped", [p.Name], applied, total, sw.Elapsed));
            }
        }
        finally
        {
            foreach (var p in projections)
                await store.SetRebuildingAsync(p.Name, false, null, CancellationToken.None);
            await using var unlock = new NpgsqlCommand("select pg_advisory_unlock_all()", lockConn);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private const int ReadAhead = 3;

    private string Shadow(IProjection p) => store.LiveSchema(p) + "_rebuild";

    /// <summary>
    /// The cursor closing every full batch of the log below the oldest running transaction. Nothing can later commit
    /// before such a cursor, so reading from each one yields the same batches a single reader would.
    /// </summary>
    private async Task<IReadOnlyList<GlobalCursor>> BoundariesAsync(int batchSize, CancellationToken ct)
    {
        await using var cmd = store.DataSource.CreateCommand($"""
            select tx::text, seq from (
              select transaction_id as tx, seq_id as seq, row_number() over (order by transaction_id, seq_id) as rn
                from {MartenEventLog.LinksTable} where transaction_id < pg_snapshot_xmin(pg_current_snapshot())) x
             where rn % $1 = 0 order by rn
            """);
        cmd.Parameters.Add(new() { Value = (long)batchSize });
        var list = new List<GlobalCursor>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add(new GlobalCursor(ulong.Parse(r.GetString(0), System.Globalization.CultureInfo.InvariantCulture), r.GetInt64(1)));
        return list;
    }

    private async Task<(GlobalCursor Cursor, long Applied)> BuildAsync(IReadOnlyList<IProjection> projections, int batchSize,
        long total, Stopwatch sw, IProgress<RebuildProgress>? progress, CancellationToken ct)
    {
        // reading and deserialising the next batch overlaps with applying this one
        var batches = Channel.CreateBounded<IReadOnlyList<StoredEvent>>(ReadAhead);
        var producer = Task.Run(async () =>
        {
            try
            {
                var at = GlobalCursor.Start;
                // batches of the log as it stands are fetched and deserialised in parallel, then handed on in order
                var starts = new List<GlobalCursor> { at };
                starts.AddRange(await BoundariesAsync(batchSize, ct));
                var pending = new Queue<Task<IReadOnlyList<StoredEvent>>>();
                var next = 0;
                while (next < starts.Count || pending.Count > 0)
                {
                    while (next < starts.Count && pending.Count < ReadAhead)
                    {
                        var from = starts[next++];
                        pending.Enqueue(Task.Run(() => reader.ReadAsync(from, batchSize, ct), ct));
                    }
                    var events = await pending.Dequeue();
                    if (events.Count == 0) continue;
                    await batches.Writer.WriteAsync(events, ct);
                    at = events[^1].Cursor;
                }
                while (true)
                {
                    var events = await reader.ReadAsync(at, batchSize, ct);
                    if (events.Count == 0) break;
                    await batches.Writer.WriteAsync(events, ct);
                    at = events[^1].Cursor;
                    if (events.Count < batchSize) break;
                }
                batches.Writer.Complete();
            }
            catch (Exception e)
            {
                batches.Writer.Complete(e);
            }
        }, ct);

        var cursor = GlobalCursor.Start;
        long applied = 0, reported = 0;
        await foreach (var events in batches.Reader.ReadAllAsync(ct))
        {
            await Task.WhenAll(projections.Select(p => ApplyShadowAsync(p, events, ct)));
            cursor = events[^1].Cursor;
            applied += events.Count;
            if (applied - reported >= 50_000)
            {
                reported = applied;
                foreach (var p in projections) await store.SetRebuildingAsync(p.Name, true, cursor.Position, ct);
                progress?.Report(new RebuildProgress("building", projections.Select(p => p.Name).ToList(), applied, total, sw.Elapsed));
            }
        }
        await producer;
        progress?.Report(new RebuildProgress("building", projections.Select(p => p.Name).ToList(), applied, total, sw.Elapsed));
        return (cursor, applied);
    }

    private async Task ApplyShadowAsync(IProjection p, IReadOnlyList<StoredEvent> events, CancellationToken ct)
    {
        await using var conn = await store.DataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        // a lost shadow batch costs only a restarted rebuild, so it need not wait for the disk
        await using (var sync = new NpgsqlCommand("set local synchronous_commit = off", conn, tx)) await sync.ExecuteNonQueryAsync(ct);
        await p.ApplyAsync(new ProjectionContext(conn, tx, Shadow(p)), events, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Holds back the live runner (checkpoint row lock) or inline appends (advisory lock), applies what the shadow has
    /// not seen, and renames the schemas, all in one transaction. Readers see the old model until commit, then the new.
    /// </summary>
    private async Task<long> SwapAsync(IProjection p, GlobalCursor cursor, long applied, int batchSize, CancellationToken ct)
    {
        var inline = registry.IsInline(p.Name);
        var live = store.LiveSchema(p);
        await using var conn = await store.DataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var hold = new NpgsqlCommand(inline
                         ? $"select pg_advisory_xact_lock({ProjectionStore.InlineLock}, hashtext($1))"
                         : $"select 1 from {store.EventStore.Schema}.projections where name = $1 for update", conn, tx))
        {
            hold.Parameters.Add(new() { Value = inline ? store.LockName(p) : p.Name });
            await hold.ExecuteNonQueryAsync(ct);
        }
        long extra = 0;
        while (true)
        {
            // inline: every committed event must be in; async: the live runner continues from the checkpoint set here
            var events = inline
                ? await reader.ReadCommittedAsync(cursor, batchSize, ct)
                : await reader.ReadAsync(cursor, batchSize, ct);
            if (events.Count == 0) break;
            await p.ApplyAsync(new ProjectionContext(conn, tx, Shadow(p)), events, ct);
            cursor = events[^1].Cursor;
            extra += events.Count;
        }
        await using (var rename = new NpgsqlCommand($"""
            drop schema if exists {live}_old cascade;
            alter schema {live} rename to {live}_old;
            alter schema {Shadow(p)} rename to {live};
            drop schema {live}_old cascade;
            """, conn, tx))
            await rename.ExecuteNonQueryAsync(ct);
        await using (var swap = new NpgsqlCommand($"""
            update {store.EventStore.Schema}.projections
               set checkpoint_tx = $2::text::xid8, checkpoint_seq = $3, version = $4, events_applied = $5, state = 'running',
                   rebuilding = false, rebuild_position = null, failed_position = null, failed_type = null,
                   failed_stream = null, failed_error = null, failed_at = null, updated_at = now()
             where name = $1
            """, conn, tx))
        {
            swap.Parameters.Add(new() { Value = p.Name });
            swap.Parameters.Add(new() { Value = cursor.TransactionId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            swap.Parameters.Add(new() { Value = cursor.Position });
            swap.Parameters.Add(new() { Value = p.Version });
            swap.Parameters.Add(new() { Value = applied + extra });
            await swap.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return extra;
    }

    private async Task DropSchemaAsync(string schema, CancellationToken ct)
    {
        await using var cmd = store.DataSource.CreateCommand($"drop schema if exists {schema} cascade");
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private async Task<long> CountEventsAsync(CancellationToken ct)
    {
        await using var cmd = store.DataSource.CreateCommand($"select count(*) from {MartenEventLog.LinksTable}");
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }
}
