using SecondChance.Integrity.Schema;
using SecondChance.Integrity.Events;

namespace SecondChance.Application;

/// <summary>A module's own tables: its name and its forward steps. Register one to have it migrated with the rest.</summary>
public sealed record SchemaModule(string Name, IReadOnlyList<Migration> Migrations);

/// <summary>
/// Every module this process writes to, migrated together at start-up or by the <c>migrate</c> verb: Marten's event
/// store with our hash chain and keys and Wolverine's message store (Marten's own schema migration), then the
/// application's tables and those of every registered <see cref="SchemaModule"/>.
/// </summary>
public sealed class SchemaMigrations(MartenEventLog log, IEnumerable<SchemaModule> modules)
{
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken ct = default)
    {
        await log.Store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        return await SchemaMigrator.MigrateAsync(log.DataSource, log.Schema,
            [(ApplicationMigrations.Module, ApplicationMigrations.All), (Access.AccessMigrations.Module, Access.AccessMigrations.All),
             .. modules.Select(m => (m.Name, m.Migrations))], ct);
    }
}
