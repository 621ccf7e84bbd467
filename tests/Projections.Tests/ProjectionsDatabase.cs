using SecondChance.Application;
using SecondChance.EventStore;
using SecondChance.Projections.Engine;
using SecondChance.Projections.ReadModels;
using SecondChance.Testing;

namespace SecondChance.Projections.Tests;

/// <summary>A fresh database per test class with the event store migrated; each test builds the engine pieces it needs.</summary>
public sealed class ProjectionsDatabase : EventStoreDatabase
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _log = await CreateLogAsync();
    }

    private Integrity.Events.MartenEventLog _log = null!;

    /// <summary>Empties everything and drops the read-model schemas, so each test starts from an empty log.</summary>
    public async Task ResetAllAsync()
    {
        await ExecuteAsync("""
            do $$ declare s text; begin
              for s in select nspname from pg_namespace where nspname like 'sc\_%' and nspname <> 'sc_events' loop execute format('drop schema %I cascade', s); end loop;
            end $$;
            drop table if exists sc.projections;
            do $$ begin
              if to_regclass('sc.schema_migrations') is not null then delete from sc.schema_migrations where module = 'projections'; end if;
            end $$;
            """);
        await ResetAsync();
    }

    public Engine Build(IReadOnlyList<IProjection>? projections = null, IEnumerable<string>? inline = null, ProjectionOptions? options = null)
    {
        var list = projections ?? SecondChanceProjections.Create();
        var registry = new ProjectionRegistry(list, inline);
        var store = inline is null ? _log : new Integrity.Events.MartenEventLog(_log.Store, DataSource, _log.Keys, _log.Schema,
            registry.InlineProjections.Select(p => new InlineProjection(p, _log.Schema)));
        options ??= new ProjectionOptions
        {
            PollInterval = TimeSpan.FromMilliseconds(200), LockRetryInterval = TimeSpan.FromMilliseconds(300),
            RetryDelays = [TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(50)], StatusRefreshInterval = TimeSpan.FromMilliseconds(500),
        };
        var metrics = new ProjectionMetrics();
        return new Engine(store, new ProjectionStore(store), registry, options, metrics, new ReadModelQueries(DataSource, Schema), this);
    }

    public sealed record Engine(Integrity.Events.MartenEventLog Store, ProjectionStore Projections, ProjectionRegistry Registry, ProjectionOptions Options,
        ProjectionMetrics Metrics, ReadModelQueries Queries, ProjectionsDatabase Db)
    {
        public ProjectionDaemon NewDaemon(string? process = null) =>
            new(Projections, Registry, process is null ? Options : Options with { ProcessName = process }, Metrics);

        public ProjectionRebuilder Rebuilder => NewDaemon().Rebuilder;

        /// <summary>Polls until every async projection has applied every committed event (generous deadline, no timing asserts).</summary>
        public async Task WaitCaughtUpAsync(params string[] only)
        {
            await Projections.EnsureAsync(Registry.All);
            var status = NewDaemon().Status;
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (true)
            {
                var all = (await status.ReadAsync()).Where(s => s.State != "inline" && (only.Length == 0 || only.Contains(s.Name))).ToList();
                if (all.Count > 0 && all.All(s => s.LagEvents == 0 && s.State == "running")) return;
                if (DateTime.UtcNow > deadline)
                    throw new TimeoutException(string.Join("; ", all.Select(s => $"{s.Name}: {s.State}, lag {s.LagEvents}, {s.Failure?.Error}")));
                await Task.Delay(100);
            }
        }

        public async Task<T> WithDaemonAsync<T>(Func<Task<T>> body)
        {
            await Projections.EnsureAsync(Registry.All);
            using var cts = new CancellationTokenSource();
            var run = NewDaemon().RunAsync(cts.Token);
            try { return await body(); }
            finally
            {
                await cts.CancelAsync();
                await run;
            }
        }

        public Task WithDaemonAsync(Func<Task> body) => WithDaemonAsync(async () => { await body(); return 0; });
    }
}
