using SecondChance.Integrity.Tenancy;
using JasperFx;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Npgsql;
using SqlProjection = SecondChance.Projections.ReadModels.IProjection;

namespace SecondChance.Projections.OnMarten;

/// <summary>
/// The SQL read models on Marten's async daemon: <see cref="Register"/> adds each as an async projection (shard
/// <c>{name}:All</c>) to the store's options with the daemon settings they rely on, <see cref="EnsureAsync"/> creates
/// their tables before the daemon starts, <see cref="Status"/> reads what /admin/projections shows, and
/// <see cref="Rebuilder"/> rebuilds them through Marten's rebuild into shadow schemas that are swapped in.
/// </summary>
public sealed class MartenReadModels
{
    private readonly Dictionary<string, SqlProjection> _byName;

    /// <summary>
    /// A read model whose batch fails because no database can be reached is paused and, when the failure is transient,
    /// restarted by Wolverine's agent controller; any other failure leaves it stopped until an operator resumes it.
    /// Npgsql's multi-host data source throws a bare <c>NpgsqlException("No suitable host was found.")</c> while every
    /// host is down or a standby (a failover in progress), which the daemon would otherwise judge permanent. Every
    /// NpgsqlException that is not a server's answer (<see cref="PostgresException"/>) is about reaching the server.
    /// </summary>
    static MartenReadModels() =>
        TransientFailures.AddClassifier(e => e is NpgsqlException and not PostgresException ? true : null);

    public MartenReadModels(TenantDataSource dataSource, IEnumerable<SqlProjection> projections, MartenReadModelOptions? options = null)
    {
        Options = options ?? new MartenReadModelOptions();
        Projections = projections.ToList();
        _byName = new Dictionary<string, SqlProjection>(StringComparer.Ordinal);
        foreach (var p in Projections)
        {
            if (!System.Text.RegularExpressions.Regex.IsMatch(p.Name, "^[a-z][a-z0-9_]{0,30}$"))
                throw new ArgumentException($"Read model name '{p.Name}' must be a short lower-case identifier.");
            if (p.Name == ShadowRebuild.Name || !_byName.TryAdd(p.Name, p))
                throw new ArgumentException($"Read model '{p.Name}' is registered twice or uses a reserved name.");
        }
        State = new ReadModelState(dataSource, Options);
        Status = new MartenProjectionStatusReader(this);
        Positions = new MartenReadModelPositions(this);
    }

    public MartenReadModelOptions Options { get; }
    public IReadOnlyList<SqlProjection> Projections { get; }
    public MartenProjectionStatusReader Status { get; }
    public MartenReadModelPositions Positions { get; }
    internal ReadModelState State { get; }

    public SqlProjection? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>
    /// Adds every read model as an async projection and sets what keeps the daemon from ever skipping an event:
    /// a stale sequence gap is skipped only with no live transaction that could still fill it, and never by a cap.
    /// </summary>
    public void Register(StoreOptions options)
    {
        if (options.Events.DatabaseSchemaName != Options.EventSchema)
            throw new InvalidOperationException($"Marten's events live in '{options.Events.DatabaseSchemaName}', the read models expect '{Options.EventSchema}'.");
        var daemon = options.Projections;
        daemon.StaleSequenceThreshold = Options.StaleSequenceThreshold;
        daemon.UseTransactionEvidenceForGapSkipping = true;
        daemon.SkipStaleGapsDespiteLiveTransactionsAfter = null;
        foreach (var errors in new[] { daemon.Errors, daemon.RebuildErrors })
        {
            errors.SkipApplyErrors = false;
            errors.SkipSerializationErrors = false;
            errors.SkipUnknownEvents = false;
        }
        foreach (var p in Projections)
            daemon.Add(new LiveReadModel(p, State, Options), ProjectionLifecycle.Async, p.Name, a => a.BatchSize = Options.BatchSize);
    }

    /// <summary>Creates the state tables and every read model's schema; run it before the daemon starts (several processes may).</summary>
    public Task EnsureAsync(CancellationToken ct = default) => State.EnsureAsync(Projections, ct);

    /// <summary>A rebuilder whose Marten store is configured as the application's (connection, events, keys) by <paramref name="configureStore"/>.</summary>
    /// <param name="beforeReading">Run once a rebuild has read models to build, before Marten reads the log (the Host loads every key there).</param>
    public MartenReadModelRebuilder Rebuilder(Action<StoreOptions> configureStore, Func<CancellationToken, Task>? beforeReading = null) =>
        new(this, configureStore, beforeReading);

    /// <summary>Asks for these read models to be rebuilt (after an erasure) without pausing them; the rebuild clears the mark.</summary>
    public Task MarkForRebuildAsync(IEnumerable<string> names, CancellationToken ct = default) => State.MarkForRebuildAsync(names, ct);

    /// <summary>
    /// Starts a paused (or stopped) read model again in this daemon; it retries the event it stopped at. Returns false
    /// when the daemon is running it already. Call it only on the node that runs the read model: the coordinator that
    /// assigns read models to nodes (Wolverine's, in the Host) restarts stopped ones by itself, and starting one on
    /// another node would run it twice.
    /// </summary>
    public async Task<bool> ResumeAsync(IProjectionDaemon daemon, string name, CancellationToken ct = default)
    {
        if (Find(name) is null) throw new ArgumentException($"No read model is called '{name}'.");
        var shard = ReadModelState.ShardOf(name);
        if (daemon.StatusFor(shard) == AgentStatus.Running) return false;
        await daemon.StartAgentAsync(shard, ct);
        return true;
    }

    /// <summary>
    /// Forgets the failure recorded for a paused read model (an operator asks it to try again); its next batch records
    /// it again if the event still fails. Returns false when none was recorded.
    /// </summary>
    public async Task<bool> ClearFailureAsync(string name, CancellationToken ct = default) =>
        await State.ExecAsync($"delete from {State.Failures} where name = $1", ct, name) > 0;

    /// <summary>Read models whose tables another code version built, or that were marked for rebuild.</summary>
    public Task<IReadOnlyList<string>> StaleAsync(CancellationToken ct = default) => State.StaleAsync(Projections, ct);
}
