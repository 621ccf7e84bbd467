using SecondChance.Projections.ReadModels;
using SecondChance.Testing;

namespace SecondChance.Projections.Tests;

/// <summary>A fresh database per test class with the event store migrated; tests run the read models on Marten's daemon (<see cref="OnMarten.MartenHarness"/>).</summary>
public sealed class ProjectionsDatabase : EventStoreDatabase
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Log = await CreateLogAsync();
    }

    /// <summary>The application's event log on Marten, which <see cref="World"/> appends through.</summary>
    public Integrity.Events.MartenEventLog Log { get; private set; } = null!;

    public ReadModelQueries Queries => new(DataSource, Schema);

    /// <summary>Empties everything and drops the read-model schemas, so each test starts from an empty log.</summary>
    public async Task ResetAllAsync()
    {
        await ExecuteAsync("""
            do $$ declare s text; begin
              for s in select nspname from pg_namespace where nspname like 'sc\_%' and nspname <> 'sc_events' loop execute format('drop schema %I cascade', s); end loop;
            end $$;
            """);
        await ResetAsync();
    }
}
