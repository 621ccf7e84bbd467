using Npgsql;

namespace SecondChance.Projections.Engine;

/// <summary>
/// Runs every asynchronous projection of the registry: each in its own loop, taken only while this process holds
/// its advisory lock. Wakes on LISTEN/NOTIFY (and on this process's own commits), polls as a fallback.
/// </summary>
public sealed class ProjectionDaemon
{
    private readonly ProjectionStore _store;
    private readonly ProjectionRegistry _registry;
    private readonly ProjectionOptions _options;
    private readonly ProjectionMetrics _metrics;
    private readonly Action<string, Exception?> _log;
    private readonly LogReader _reader;

    public ProjectionDaemon(ProjectionStore store, ProjectionRegistry registry, ProjectionOptions options,
        ProjectionMetrics metrics, Action<string, Exception?>? log = null)
    {
        _store = store;
        _registry = registry;
        _options = options;
        _metrics = metrics;
        _log = log ?? ((_, _) => { });
        _reader = new LogReader(store.EventStore);
        Rebuilder = new ProjectionRebuilder(store, _reader, registry);
        Status = new ProjectionStatusReader(store, registry);
    }

    public WakeSignal Wake { get; } = new();
    public ProjectionRebuilder Rebuilder { get; }
    public ProjectionStore Store => _store;
    public ProjectionStatusReader Status { get; }

    public async Task RunAsync(CancellationToken ct)
    {
        try
        {
            await _store.EnsureAsync(_registry.All, ct);
            await RebuildStaleInlineAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return;
        }
        var notifier = new CommitNotifier(_store.EventStore, _options, _log);
        var tasks = new List<Task>
        {
            notifier.RunAsync(Wake, ct),
            ListenAsync(notifier.Channel, ct),
            RefreshStatusAsync(ct),
        };
        tasks.AddRange(_registry.Async.Select(p =>
            new ProjectionRunner(p, _store, _reader, _options, Wake, _metrics, Rebuilder, _log).RunAsync(ct)));
        await Task.WhenAll(tasks);
    }

    /// <summary>Inline projections have no runner: one whose stored version is not its code's is rebuilt here, at start.</summary>
    private async Task RebuildStaleInlineAsync(CancellationToken ct)
    {
        var stale = new List<IProjection>();
        foreach (var p in _registry.InlineProjections)
            if ((await _store.LoadAsync(p.Name, ct)).Version != p.Version) stale.Add(p);
        if (stale.Count == 0) return;
        try
        {
            await Rebuilder.RebuildAsync(stale, null, ct);
        }
        catch (InvalidOperationException e)
        {
            _log($"Inline projections {string.Join(", ", stale.Select(p => p.Name))} are stale and another process is rebuilding them.", e);
        }
    }

    private async Task ListenAsync(string channel, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var conn = await _store.DataSource.OpenConnectionAsync(ct);
                conn.Notification += (_, _) => Wake.Pulse();
                await using (var listen = new NpgsqlCommand($"listen {channel}", conn)) await listen.ExecuteNonQueryAsync(ct);
                Wake.Pulse();
                while (true) await conn.WaitAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                _log("The notification listener failed; projections poll until it reconnects.", e);
                try { await Task.Delay(_options.LockRetryInterval, ct); } catch (OperationCanceledException) { return; }
            }
        }
    }

    private async Task RefreshStatusAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                _metrics.Observe(await Status.ReadAsync(ct));
                await Task.Delay(_options.StatusRefreshInterval, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                _log("Could not refresh projection status.", e);
                try { await Task.Delay(_options.StatusRefreshInterval, ct); } catch (OperationCanceledException) { return; }
            }
        }
    }
}
