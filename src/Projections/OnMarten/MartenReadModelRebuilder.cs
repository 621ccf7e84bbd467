using System.Diagnostics;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Npgsql;
using SecondChance.Integrity.Schema;
using SecondChance.Projections.ReadModels;
using SqlProjection = SecondChance.Projections.ReadModels.IProjection;

namespace SecondChance.Projections.OnMarten;

/// <summary>
/// Rebuilds read models through Marten's rebuild without a moment in which one is empty or half built. Marten
/// rebuilds one projection, <c>sc_rebuild</c>, that applies every chosen read model into its shadow schema
/// (<c>sc_{name}_rebuild</c>) while the live ones keep serving and running. Then each is swapped in by one
/// transaction that locks the live read model's progression row (its next batch waits), applies to the copy what the
/// live one has applied beyond it, renames the schemas, and records the code version and the copy's position. A live
/// shard that was behind the copy goes on from its own position and skips what the copy holds, so Marten's
/// progression is never moved under a running shard. Readers see the old tables until that commit and the new ones
/// after. One rebuild runs at a time; a crashed one leaves the live models untouched and the next starts over.
/// </summary>
public sealed class MartenReadModelRebuilder
{
    internal const int RebuildLock = 7402;

    private readonly MartenReadModels _models;
    private readonly Action<StoreOptions> _configureStore;
    private readonly Func<CancellationToken, Task>? _beforeReading;

    internal MartenReadModelRebuilder(MartenReadModels models, Action<StoreOptions> configureStore, Func<CancellationToken, Task>? beforeReading)
    {
        _models = models;
        _configureStore = configureStore;
        _beforeReading = beforeReading;
    }

    private MartenReadModelOptions Options => _models.Options;
    private ReadModelState State => _models.State;

    internal static string LockHeldSql(string schema) => $"""
        exists (select 1 from pg_locks l where l.locktype = 'advisory' and l.granted and l.classid = {RebuildLock}
                and l.objsubid = 2 and l.objid = hashtext('{schema}.rebuild')::oid
                and l.database = (select oid from pg_database where datname = current_database()))
        """;

    public Task RebuildAllAsync(IProgress<RebuildProgress>? progress = null, CancellationToken ct = default) =>
        RebuildAsync(_models.Projections.Select(p => p.Name).ToList(), progress, ct);

    /// <summary>Rebuilds the read models another code version built or that were marked; returns their names.</summary>
    public async Task<IReadOnlyList<string>> RebuildStaleAsync(IProgress<RebuildProgress>? progress = null, CancellationToken ct = default)
    {
        await _models.EnsureAsync(ct);
        var stale = await _models.StaleAsync(ct);
        if (stale.Count > 0) await RebuildAsync(stale, progress, ct);
        return stale;
    }

    public async Task RebuildAsync(IReadOnlyList<string> names, IProgress<RebuildProgress>? progress = null, CancellationToken ct = default)
    {
        var chosen = names.Distinct().Select(n => _models.Find(n) ?? throw new ArgumentException($"No read model is called '{n}'.")).ToList();
        if (chosen.Count == 0) return;
        var chosenNames = chosen.Select(p => p.Name).ToList();
        await _models.EnsureAsync(ct);
        await using var lockConn = await State.DataSource.OpenConnectionAsync(ct);
        await using (var take = new NpgsqlCommand($"select pg_try_advisory_lock({RebuildLock}, hashtext('{Options.EventSchema}.rebuild'))", lockConn))
            if (await take.ExecuteScalarAsync(ct) is not true)
                throw new InvalidOperationException("Another rebuild of the read models is running; try again when it has finished.");
        var sw = Stopwatch.StartNew();
        try
        {
            foreach (var p in chosen)
            {
                await State.ExecAsync($"drop schema if exists {Options.ShadowSchema(p.Name)} cascade", ct);
                await SchemaMigrator.MigrateAsync(State.DataSource.Current, Options.ShadowSchema(p.Name), [(p.Name, p.Migrations)], ct);
            }
            await State.ResetRebuildPositionsAsync(chosenNames, ct);
            await State.SetRebuildingAsync(chosenNames, true, ct);
            if (_beforeReading is not null) await _beforeReading(ct);
            await using var store = DocumentStore.For(o =>
            {
                _configureStore(o);
                // this store runs its own daemon (below); Marten otherwise warns on standard output that async
                // projections will not run, which a verb's output must not carry
                o.Projections.AsyncMode = JasperFx.Events.Daemon.DaemonMode.Solo;
                o.Projections.Add(new ShadowRebuild(chosen, State, Options), ProjectionLifecycle.Async, ShadowRebuild.Name, a =>
                {
                    a.BatchSize = Options.RebuildBatchSize;
                    a.MaximumHopperSize = 3 * Options.RebuildBatchSize; // the next pages load while one applies
                });
            });
            var head = await ScalarAsync($"select coalesce(max(seq_id), 0) from {Options.EventSchema}.mt_events", ct);
            using (var daemon = await store.BuildProjectionDaemonAsync())
            using (var reporting = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                var reporter = ReportAsync(chosenNames, head, sw, progress, reporting.Token);
                try { await daemon.RebuildProjectionAsync(ShadowRebuild.Name, Options.RebuildTimeout, ct); }
                finally
                {
                    await reporting.CancelAsync();
                    await reporter;
                }
            }
            var built = await ShadowPositionAsync(ct);
            progress?.Report(new RebuildProgress("building", chosenNames, built, head, sw.Elapsed));
            foreach (var p in chosen)
            {
                await SwapAsync(store, p, built, ct);
                progress?.Report(new RebuildProgress("swapped", [p.Name], built, head, sw.Elapsed));
            }
            await State.ExecAsync($"delete from {State.Progression} where name = $1", ct, ReadModelState.ShardOf(ShadowRebuild.Name));
            await State.ExecAsync($"delete from {State.Rebuilds} where name = any($1)", ct, (object)chosenNames.ToArray());
        }
        finally
        {
            await State.SetRebuildingAsync(chosenNames, false, CancellationToken.None);
            await using var unlock = new NpgsqlCommand("select pg_advisory_unlock_all()", lockConn);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private async Task<long> ShadowPositionAsync(CancellationToken ct) => await ScalarAsync(
        $"select coalesce((select last_seq_id from {State.Progression} where name = '{ReadModelState.ShardOf(ShadowRebuild.Name)}'), 0)", ct);

    // positions stand in for counts: the progress bar needs no count(*) over the log while it runs
    private async Task ReportAsync(IReadOnlyList<string> names, long head, Stopwatch sw, IProgress<RebuildProgress>? progress, CancellationToken ct)
    {
        if (progress is null) return;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await Task.Delay(500, ct);
                progress.Report(new RebuildProgress("building", names, await ShadowPositionAsync(ct), head, sw.Elapsed));
            }
        }
        catch (OperationCanceledException) { }
        catch (NpgsqlException) { }
    }

    private async Task SwapAsync(DocumentStore store, SqlProjection p, long built, CancellationToken ct)
    {
        var shard = ReadModelState.ShardOf(p.Name);
        var (live, shadow) = (Options.LiveSchema(p.Name), Options.ShadowSchema(p.Name));
        await using var conn = await State.DataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        async Task<long?> LockLiveAsync()
        {
            await using var cmd = new NpgsqlCommand($"select last_seq_id from {State.Progression} where name = $1 for update", conn, tx);
            cmd.Parameters.Add(new() { Value = shard });
            return await cmd.ExecuteScalarAsync(ct) as long?;
        }
        var at = await LockLiveAsync();
        if (at is null)
        {
            // never ran: start it where the copy is; a first batch racing us fails on this row (a key violation, so Marten
            // pauses it and starts it again from here)
            await using var insert = new NpgsqlCommand(
                $"insert into {State.Progression} (name, last_seq_id) values ($1, $2) on conflict (name) do nothing", conn, tx);
            insert.Parameters.Add(new() { Value = shard });
            insert.Parameters.Add(new() { Value = built });
            at = await insert.ExecuteNonQueryAsync(ct) == 1 ? built : await LockLiveAsync();
        }
        // behind the copy: the live shard goes on from where it is and skips what the copy holds (applied_through);
        // Marten's progression is never moved under it, so no batch of it fails on its progress update
        if (at > built) await CatchUpAsync(store, p, new ProjectionContext(conn, tx, shadow), built, at.Value, ct);
        var final = Math.Max(built, at!.Value);
        await using (var rename = new NpgsqlCommand($"""
            drop schema if exists {live}_old cascade;
            alter schema {live} rename to {live}_old;
            alter schema {shadow} rename to {live};
            drop schema {live}_old cascade;
            """, conn, tx))
            await rename.ExecuteNonQueryAsync(ct);
        await using (var record = new NpgsqlCommand($"""
            with cleared as (delete from {State.Failures} where name = $1)
            update {State.Models}
               set version = $2, rebuild_requested = false, applied_through = $4, events_applied = (select count(*) from {Options.EventSchema}.mt_events where seq_id <= $3),
                   last_event_at = (select timestamp from {Options.EventSchema}.mt_events where seq_id <= $3 order by seq_id desc limit 1),
                   updated_at = now()
             where name = $1
            """, conn, tx))
        {
            record.Parameters.Add(new() { Value = p.Name });
            record.Parameters.Add(new() { Value = p.Version });
            record.Parameters.Add(new() { Value = final });
            record.Parameters.Add(new() { Value = built });
            await record.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
    }

    /// <summary>Applies to the shadow what the live model applied after the shadow's position; those events are committed.</summary>
    private async Task CatchUpAsync(DocumentStore store, SqlProjection p, ProjectionContext shadow, long from, long to, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        while (from < to)
        {
            var after = from;
            var page = await session.Events.QueryAllRawEvents()
                .Where(e => e.Sequence > after && e.Sequence <= to).OrderBy(e => e.Sequence).Take(Options.RebuildBatchSize).ToListAsync(ct);
            if (page.Count == 0) break;
            await p.ApplyAsync(shadow, StoredEvents.From(page.ToList<IEvent>()), ct);
            from = page[^1].Sequence;
        }
    }

    private async Task<long> ScalarAsync(string sql, CancellationToken ct)
    {
        await using var cmd = State.DataSource.CreateCommand(sql);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct));
    }
}
