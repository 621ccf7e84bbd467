using Marten;
using Npgsql;
using SecondChance.Application;
using SecondChance.Integrity.Tenancy;
using SecondChance.Projections.OnMarten;
using Wolverine.Persistence.Durability;
using Wolverine.Runtime;

namespace SecondChance.Host.Hosting;

/// <summary>
/// Adds a province: makes its database if the server has none of that name, builds Marten's, Wolverine's and our
/// schema and the read models' tables in it, then records it in the registry, where every running node finds it (until then no daemon or agent is offered it, so
/// nothing builds its schema beside this):
/// Wolverine's agent assignment asks Marten's tenancy for the databases and starts the new province's projections
/// on one of the nodes, without a restart.
/// </summary>
public sealed class TenantProvisioning(TenantRegistry registry, SchemaMigrations migrations, IDocumentStore store,
    NpgsqlDataSource home, IServiceProvider services)
{
    public sealed record Added(string TenantId, string Name, string Database, bool DatabaseCreated, IReadOnlyList<string> Applied);

    /// <exception cref="ArgumentException">A bad tenant id, name or connection string, or one of the home database.</exception>
    public async Task<Added> AddAsync(string tenantId, string name, string connectionString, CancellationToken ct = default)
    {
        if (TenantRegistry.Invalid(tenantId) is { } badId) throw new ArgumentException(badId);
        var tenancy = store.Provinces();
        if (!tenancy.ServesProvinces)
            throw new ArgumentException($"This deployment serves the home database only: start its nodes with {Integrity.MartenSetup.ProvincesSetting}=true to add provinces.");
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100) throw new ArgumentException("A province's name is 1 to 100 characters.");
        NpgsqlConnectionStringBuilder target;
        try { target = new NpgsqlConnectionStringBuilder(connectionString); }
        catch (ArgumentException e) { throw new ArgumentException($"The connection string cannot be read: {e.Message}"); }
        if (string.IsNullOrWhiteSpace(target.Database)) throw new ArgumentException("The connection string names no database.");
        var homeDb = new NpgsqlConnectionStringBuilder(home.ConnectionString);
        if (SameDatabase(target, homeDb)) throw new ArgumentException("That is the home database; a province needs a database of its own.");
        foreach (var other in await registry.ListAsync(ct))
            if (other.Id != tenantId && SameDatabase(target, new NpgsqlConnectionStringBuilder(other.ConnectionString)))
                throw new ArgumentException($"That database is province '{other.Id}''s.");

        var created = await EnsureDatabaseAsync(target, ct);
        var record = new TenantRecord(tenantId, name.Trim(), connectionString, DateTimeOffset.UtcNow);
        var database = tenancy.Open(record);
        var applied = await migrations.MigrateAsync(database, tenantId, ct);
        await EnsureMessageStoreAsync(tenantId);
        if (services.GetService<MartenReadModels>() is { } readModels)
            using (TenantScope.Enter(tenantId))
                await readModels.EnsureAsync(ct);
        await registry.AddAsync(tenantId, record.Name, connectionString, ct);
        await tenancy.BuildDatabases(); // offered to this node's daemon and agents now, not at their next look
        return new Added(tenantId, record.Name, target.Database!, created, applied);
    }

    /// <summary>
    /// Wolverine's message tables in the province's database, which a command that schedules a message (a release
    /// reminder) writes to in its own transaction: Wolverine builds them for a tenant it was asked for, but a command's
    /// outbox writes there without asking, so until Wolverine's agents noticed the new database such a command failed.
    /// </summary>
    private async Task EnsureMessageStoreAsync(string tenantId)
    {
        if (services.GetService<IWolverineRuntime>()?.Storage is not MultiTenantedMessageStore tenanted) return;
        var store = await tenanted.Source.FindAsync(tenantId);
        await store.Admin.MigrateAsync();
    }

    private static bool SameDatabase(NpgsqlConnectionStringBuilder a, NpgsqlConnectionStringBuilder b) =>
        string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port && a.Database == b.Database;

    private static async Task<bool> EnsureDatabaseAsync(NpgsqlConnectionStringBuilder target, CancellationToken ct)
    {
        try
        {
            await using var probe = new NpgsqlConnection(target.ConnectionString);
            await probe.OpenAsync(ct);
            return false;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            var admin = new NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = "postgres", Pooling = false };
            await using var conn = new NpgsqlConnection(admin.ConnectionString);
            await conn.OpenAsync(ct);
            await using var create = new NpgsqlCommand($"create database \"{target.Database!.Replace("\"", "\"\"")}\"", conn);
            await create.ExecuteNonQueryAsync(ct);
            return true;
        }
        catch (NpgsqlException e)
        {
            throw new ArgumentException($"The province's database cannot be reached: {e.Message}");
        }
    }
}
