using SecondChance.EventStore;
using SecondChance.EventStore.Schema;

namespace SecondChance.Application;

/// <summary>Every module this process writes to, migrated together at start-up or by the <c>migrate</c> verb.</summary>
public sealed class SchemaMigrations(PgEventStore store)
{
    public Task<IReadOnlyList<string>> MigrateAsync(CancellationToken ct = default) =>
        SchemaMigrator.MigrateAsync(store.DataSource, store.Schema,
            [("event_store", EventStoreMigrations.All), (ApplicationMigrations.Module, ApplicationMigrations.All),
             (Access.AccessMigrations.Module, Access.AccessMigrations.All)], ct);
}
