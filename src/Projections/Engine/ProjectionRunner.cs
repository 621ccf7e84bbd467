using System.Diagnostics;
using Npgsql;
using SecondChance.EventStore;

namespace SecondChance.Projections.Engine;

/// <summary>
/// Runs one asynchronous projection while this process holds its advisory lock. The lock lives on a dedicated
/// session, so it goes when the process or its connection dies and another process takes over. Even a runner that
/// lost its lock cannot apply twice: every batch first moves the checkpoint from exactly where it read.
/// </summary>
internal sealed class ProjectionRunner(
    IProjection projection, ProjectionStore store, LogReader reader, ProjectionOptions options, WakeSignal wake,
    ProjectionMetrics metrics, ProjectionRebuilder rebuilder, Action<string, Exception?> log)
{
    private readonly string _schema = store.LiveSchema(projection);

    public async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var lockConn = await store.DataSource.OpenConnectionAsync(ct);
                if (!await LockAsync(lockConn, "pg_try_advisory_lock", ct))
                {
                    await lockConn.CloseAsync();
                    await Task.Delay(options.LockRetryInterval, ct);
                    continue;
                }
                try
                {
                    await store.SetOwnerAsync(projection.Name, options.ProcessName, ct);
                    await RunHeldAsync(lockConn, ct);
                }
                finally
                {
                    if (lockConn.State == System.Data.ConnectionState.Open)
                        try { await LockAsync(lockConn, "pg_advisory_unlock", CancellationToken.None); } catch (NpgsqlException) { }
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                log($"Projection {projection.Name}: stopped ({e.Message}); will try to take it again.", e);
                try { await Task.Delay(options.LockRetryInterval, ct); } catch (OperationCanceledException) { break; }
            }
        }
    }

    private async Task<bool> LockAsync(NpgsqlConnection conn, string function, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"select {function}({ProjectionStore.RunLock}, hashtext($1))", conn);
        cmd.Parameters.Add(new() { Value = store.LockName(projection) });
        return await cmd.ExecuteScalarAsync(ct) is true;
    }

    private static async Task<bool> AliveAsync(NpgsqlConnection lockConn, CancellationToken ct)
    {
        try
        {
            await using var cmd = new NpgsqlCommand("select 1", lockConn);
            await cmd.ExecuteScalarAsync(ct);
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    private async Task RunHeldAsync(NpgsqlConnection lockConn, CancellationToken ct)
    {
        var row = await store.LoadAsync(projection.Name, ct);
        if (row.Version != projection.Version)
        {
            log($"Projection {projection.Name}: stored version {row.Version}, code version {projection.Version}; rebuilding.", null);
            await rebuilder.RebuildAsync([projection], null, ct);
            row = await store.LoadAsync(projection.Name, ct);
        }
        var checkpoint = row.Checkpoint;
        var paused = row.State == "paused";
        while (!ct.IsCancellationRequested)
        {
            if (!await AliveAsync(lockConn, ct))
            {
                log($"Projection {projection.Name}: lost its lock connection; stopping here.", null);
                return;
            }
            var signal = wake.Current;
            if (paused)
            {
                await WakeSignal.WaitAsync(signal, options.PollInterval, ct);
                row = await store.LoadAsync(projection.Name, ct);
                (checkpoint, paused) = (row.Checkpoint, row.State == "paused");
                continue;
            }
            var events = await reader.ReadAsync(checkpoint, options.BatchSize, ct);
            if (events.Count == 0)
            {
                // committed events can be out of sight behind an open transaction elsewhere; then look again soon
                var heldBack = await reader.HasEventsAfterAsync(checkpoint, ct);
                await WakeSignal.WaitAsync(signal, heldBack ? HeldBackPoll(options.PollInterval) : options.PollInterval, ct);
                continue;
            }
            var next = await ApplyWithRetryAsync(checkpoint, events, ct);
            if (next is { } moved) checkpoint = moved;
            else
            {
                row = await store.LoadAsync(projection.Name, ct);
                (checkpoint, paused) = (row.Checkpoint, row.State == "paused");
            }
        }
    }

    private static TimeSpan HeldBackPoll(TimeSpan poll) => poll < TimeSpan.FromMilliseconds(100) ? poll : TimeSpan.FromMilliseconds(100);

    /// <summary>The new checkpoint, or null when the projection was paused or its checkpoint was moved by someone else.</summary>
    private async Task<GlobalCursor?> ApplyWithRetryAsync(GlobalCursor from, IReadOnlyList<StoredEvent> events, CancellationToken ct)
    {
        try
        {
            return await ApplyAsync(from, events, ct) ? events[^1].Cursor : null;
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is not NpgsqlException { IsTransient: true })
        {
            log($"Projection {projection.Name}: a batch failed ({e.Message}); applying its events one at a time.", e);
        }
        // find the event that throws: those before it are applied singly, it is retried with backoff, then paused on
        var checkpoint = from;
        foreach (var e in events)
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    if (!await ApplyAsync(checkpoint, [e], ct)) return null;
                    checkpoint = e.Cursor;
                    break;
                }
                catch (Exception error) when (!ct.IsCancellationRequested && error is not NpgsqlException { IsTransient: true })
                {
                    if (attempt >= options.RetryDelays.Count)
                    {
                        log($"Projection {projection.Name}: paused at event {e.Position} ({e.Alias}).", error);
                        await store.PauseAsync(projection.Name, e, error, ct);
                        return null;
                    }
                    await Task.Delay(options.RetryDelays[attempt], ct);
                }
            }
        }
        return checkpoint;
    }

    private async Task<bool> ApplyAsync(GlobalCursor from, IReadOnlyList<StoredEvent> events, CancellationToken ct)
    {
        var sw = Stopwatch.StartNew();
        await using var conn = await store.DataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        if (!await store.AdvanceAsync(conn, tx, projection.Name, from, events[^1].Cursor, events.Count, events[^1].Timestamp, ct))
            return false;
        await projection.ApplyAsync(new ProjectionContext(conn, tx, _schema), events, ct);
        await tx.CommitAsync(ct);
        metrics.Applied(projection.Name, events.Count, sw.Elapsed);
        return true;
    }
}
