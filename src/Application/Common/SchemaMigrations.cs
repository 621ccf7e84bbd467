using SecondChance.Integrity.Schema;
using SecondChance.Integrity.Events;

namespace SecondChance.Application;

/// <summary>
/// Every module this process writes to, migrated together at start-up or by the <c>migrate</c> verb: Marten's event
/// store with our hash chain and keys (Marten's own schema migration), then the application's tables.
/// </summary>
public sealed class SchemaMigrations(MartenEventLog log)
{
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken ct = default)
    {
        await log.Store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        return await SchemaMigrator.MigrateAsync(log.DataSource, log.Schema,
            [(ApplicationMigrations.Module, ApplicationMigrations.All), (Access.AccessMigrations.Module, Access.AccessMigrations.All)], ct);
    }
}
