using SecondChance.Integrity.Schema;
using SecondChance.Integrity.Events;
using SecondChance.Integrity.Tenancy;

namespace SecondChance.Application;

/// <summary>A module's own tables: its name and its forward steps. Register one to have it migrated with the rest.</summary>
public sealed record SchemaModule(string Name, IReadOnlyList<Migration> Migrations);

/// <summary>
/// Every module this process writes to, migrated together at start-up or by the <c>migrate</c> verb, in the home
/// database and in every province's: Marten's event store with our hash chain and keys and Wolverine's message store
/// (Marten's own schema migration), then the application's tables and those of every registered <see cref="SchemaModule"/>.
/// </summary>
public sealed class SchemaMigrations(MartenEventLog log, IEnumerable<SchemaModule> modules)
{
    /// <returns>The steps applied, each prefixed with its tenant when it is a province.</returns>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken ct = default)
    {
        var applied = new List<string>();
        foreach (var tenant in await log.Store.Provinces().ServedTenantsAsync(ct))
            applied.AddRange((await MigrateTenantAsync(tenant, ct)).Select(step => TenantScope.IsHome(tenant) ? step : $"{tenant}: {step}"));
        return applied;
    }

    /// <summary>Brings one tenant's database up to date (a province's when it is added).</summary>
    public async Task<IReadOnlyList<string>> MigrateTenantAsync(string tenant, CancellationToken ct = default) =>
        await MigrateAsync(await log.Store.Storage.FindOrCreateDatabase(tenant), tenant, ct);

    /// <summary>Brings a database up to date as <paramref name="tenant"/>'s (one not registered yet: a province being added).</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(Marten.Storage.IMartenDatabase database, string tenant, CancellationToken ct = default)
    {
        await database.ApplyAllConfiguredChangesToDatabaseAsync(ct: ct);
        using var _ = TenantScope.Enter(tenant);
        return await SchemaMigrator.MigrateAsync(log.DataSource.Current, log.Schema,
            [(ApplicationMigrations.Module, ApplicationMigrations.All), (Access.AccessMigrations.Module, Access.AccessMigrations.All),
             .. modules.Select(m => (m.Name, m.Migrations))], ct);
    }
}
