using Marten;
using Npgsql;
using SecondChance.Application;
using SecondChance.Integrity.Events;
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
    NpgsqlDataSource home, MartenEventLog log, IServiceProvider services)
{
    public sealed record Added(string TenantId, string Name, string Database, bool DatabaseCreated, IReadOnlyList<string> Applied);

    /// <summary>Refusal: a served province was pointed at another database.</summary>
    public const string MoveWhileServedCode = "tenant_served";

    /// <summary>Refusal: users belong to the province, or read it, so it cannot be removed.</summary>
    public const string InUseCode = "tenant_in_use";

    /// <summary>Refusal: this node opened the province's old database, so it cannot enable the moved one.</summary>
    public const string MovedCode = "tenant_moved";

    /// <summary>A province cannot change state that way now (HTTP 409).</summary>
    public sealed class ProvinceStateException(string code, string message) : Exception(message)
    {
        public string Code { get; } = code;
    }

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
        var registered = await registry.ListAsync(ct);
        foreach (var other in registered)
            if (other.Id != tenantId && SameDatabase(target, new NpgsqlConnectionStringBuilder(other.ConnectionString)))
                throw new ArgumentException($"That database is province '{other.Id}''s.");
        var created = false;
        if (registered.FirstOrDefault(t => t.Id == tenantId) is { } existing
            && !SameDatabase(target, new NpgsqlConnectionStringBuilder(existing.ConnectionString)))
        {
            // moving a province to another database while nodes serve it would split its records between the two
            if (!existing.Disabled)
                throw new ProvinceStateException(MoveWhileServedCode,
                    $"Province '{tenantId}' is served from another database; disable it before moving it to this one.");
            // a move: the database the records were copied to is only named here; enabling the province brings its
            // schema up to date, from a node that never opened the old one
            created = await EnsureDatabaseAsync(target, ct);
            await registry.AddAsync(tenantId, name.Trim(), connectionString, ct);
            await tenancy.BuildDatabases();
            return new Added(tenantId, name.Trim(), target.Database!, created, []);
        }

        created = await EnsureDatabaseAsync(target, ct);
        var record = new TenantRecord(tenantId, name.Trim(), connectionString, DateTimeOffset.UtcNow);
        var applied = await PrepareAsync(record, ct);
        await registry.AddAsync(tenantId, record.Name, connectionString, ct);
        await tenancy.BuildDatabases(); // offered to this node's daemon and agents now, not at their next look
        return new Added(tenantId, record.Name, target.Database!, created, applied);
    }

    /// <summary>
    /// Stops serving a province: first its database refuses every append (<see cref="ProvinceGuard"/>), so no node
    /// writes there from that moment, then the registry says so, and every node stops serving its records at its next
    /// look (this one at once). Disabling a disabled province changes nothing.
    /// </summary>
    /// <returns>The province as the registry now has it, or null when there is none of that id.</returns>
    public async Task<TenantRecord?> DisableAsync(string tenantId, string reason, DateTimeOffset now, CancellationToken ct = default)
    {
        if (await registry.FindAsync(tenantId, ct) is not { } province) return null;
        if (province.Disabled) return province;
        await using (var db = DataSourceFor(province))
            await ProvinceGuard.InstallAsync(db, EventSchema, GuardedTables, ct);
        await registry.SetDisabledAsync(tenantId, now, reason.Trim(), ct);
        await store.Provinces().BuildDatabases();
        return await registry.FindAsync(tenantId, ct);
    }

    /// <summary>
    /// Serves a disabled province again, from the database the registry names (moved there, perhaps, while it was
    /// disabled): brings that database's schema and read models up to date, lifts its guard, then clears the mark.
    /// A node that opened the province's old database cannot do it: it would keep serving the old one.
    /// </summary>
    /// <exception cref="ProvinceStateException">This node holds the province's old database.</exception>
    public async Task<TenantRecord?> EnableAsync(string tenantId, CancellationToken ct = default)
    {
        if (await registry.FindAsync(tenantId, ct) is not { } province) return null;
        if (!province.Disabled) return province;
        var tenancy = store.Provinces();
        if (tenancy.Moved(province))
            throw new ProvinceStateException(MovedCode,
                $"Province '{tenantId}' was moved to another database after this node opened the old one: enable it from a node started since (or with the enable-tenant verb).");
        await PrepareAsync(province, ct);
        await using (var db = DataSourceFor(province))
            await ProvinceGuard.RemoveAsync(db, GuardedTables, ct);
        await registry.SetDisabledAsync(tenantId, null, null, ct);
        await tenancy.BuildDatabases();
        return await registry.FindAsync(tenantId, ct);
    }

    /// <summary>
    /// Forgets a disabled province that no user belongs to or reads: its registry row goes, its database stays as it is
    /// (guarded against writes), and every node stops knowing it at its next look.
    /// </summary>
    /// <returns>The province as it was, or null when there is none of that id.</returns>
    /// <exception cref="ProvinceStateException">The province is served, or users belong to it or read it.</exception>
    public async Task<TenantRecord?> RemoveAsync(string tenantId, CancellationToken ct = default)
    {
        if (await registry.FindAsync(tenantId, ct) is not { } province) return null;
        if (!province.Disabled)
            throw new ProvinceStateException(MoveWhileServedCode, $"Province '{tenantId}' is served; disable it before removing it.");
        var users = await services.GetRequiredService<Application.Access.UserDirectory>().CountOfProvinceAsync(tenantId, ct);
        if (users > 0)
            throw new ProvinceStateException(InUseCode,
                $"{users} user(s) belong to province '{tenantId}' or read it; move them to another province or revoke their reading first.");
        await registry.RemoveAsync(tenantId, ct);
        await store.Provinces().BuildDatabases();
        return province;
    }

    /// <summary>Brings a province's database up to date: Marten's, Wolverine's and our schema, and the read models' tables.</summary>
    /// <returns>The schema steps applied.</returns>
    private async Task<IReadOnlyList<string>> PrepareAsync(TenantRecord province, CancellationToken ct)
    {
        var applied = await migrations.MigrateAsync(store.Provinces().Open(province), province.Id, ct);
        await EnsureMessageStoreAsync(province.Id);
        if (services.GetService<MartenReadModels>() is { } readModels)
            using (TenantScope.Enter(province.Id))
                await readModels.EnsureAsync(ct);
        return applied;
    }

    private string EventSchema => store.Options.Events.DatabaseSchemaName;

    /// <summary>What commands and messages write in a province's database: its events, and the reminders a message records.</summary>
    private string[] GuardedTables =>
        [$"{EventSchema}.mt_events", $"{EventSchema}.mt_streams", $"{log.Schema}.{Application.Inmates.RemindOfReleaseReadinessHandler.Table}"];

    private static NpgsqlDataSource DataSourceFor(TenantRecord province) =>
        NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(province.ConnectionString) { Pooling = false }.ConnectionString);

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
        ProvinceTenancy.SameDatabase(a.ConnectionString, b.ConnectionString);

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
