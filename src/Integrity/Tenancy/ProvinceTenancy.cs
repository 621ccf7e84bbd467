using System.Collections.Immutable;
using JasperFx;
using JasperFx.Descriptors;
using JasperFx.MultiTenancy;
using Marten;
using Marten.Schema;
using Marten.Storage;
using Npgsql;
using Weasel.Core.Migrations;
using Weasel.Postgresql;

namespace SecondChance.Integrity.Tenancy;

/// <summary>
/// Marten's tenancy for SecondChance: database per province. The home database is the default tenant (a
/// one-province deployment lives there whole); every province in <see cref="TenantRegistry"/> is a tenant with a
/// database of its own, found on first use, so a province added while nodes run is served without a restart.
/// Each database is a separate Marten database: its own events, streams, hash chains, projections and daemon shards.
/// </summary>
public sealed class ProvinceTenancy : ITenancy, ITenancyWithMasterDatabase, IAsyncDisposable
{
    public const string HomeIdentifier = "home";

    private readonly StoreOptions _options;
    private readonly TenantRegistry _registry;
    private readonly MartenDatabase _home;
    private ImmutableDictionary<string, MartenDatabase> _provinces = ImmutableDictionary<string, MartenDatabase>.Empty;
    private readonly Lock _gate = new();

    /// <param name="provinces">
    /// False: one province, the home database alone (Marten's and Wolverine's single-database behaviour, unchanged).
    /// True: provinces in the registry are served, and one added later is picked up without a restart.
    /// </param>
    public ProvinceTenancy(StoreOptions options, NpgsqlDataSource home, TenantRegistry registry, bool provinces)
    {
        _options = options;
        _registry = registry;
        ServesProvinces = provinces;
        _home = new MartenDatabase(options, home, HomeIdentifier);
        Default = new Tenant(TenantScope.Home, _home);
    }

    public Tenant Default { get; }

    /// <summary>Whether provinces other than the home database are served (a deployment's setting, fixed at start).</summary>
    public bool ServesProvinces { get; }

    public IDocumentCleaner Cleaner => _home;

    public PostgresqlDatabase TenantDatabase => _home;

    public DatabaseCardinality Cardinality => ServesProvinces ? DatabaseCardinality.DynamicMultiple : DatabaseCardinality.Single;

    public Tenant GetTenant(string tenantId) =>
        TenantScope.IsHome(tenantId) ? Default : new Tenant(tenantId, Province(tenantId, _registry.FindAsync(tenantId).GetAwaiter().GetResult()));

    public async ValueTask<Tenant> GetTenantAsync(string tenantId) =>
        TenantScope.IsHome(tenantId) ? Default : new Tenant(tenantId, Province(tenantId, await FindAsync(tenantId)));

    public async ValueTask<IMartenDatabase> FindOrCreateDatabase(string tenantIdOrDatabaseIdentifier) =>
        TenantScope.IsHome(tenantIdOrDatabaseIdentifier) || tenantIdOrDatabaseIdentifier == HomeIdentifier
            ? _home
            : Province(tenantIdOrDatabaseIdentifier, await FindAsync(tenantIdOrDatabaseIdentifier));

    public async ValueTask<IMartenDatabase> FindDatabase(DatabaseId id)
    {
        if (Known().FirstOrDefault(d => d.Id == id) is { } known) return known;
        await BuildDatabases();
        return Known().FirstOrDefault(d => d.Id == id)
               ?? throw new ArgumentOutOfRangeException(nameof(id), $"No tenant database is {id.Identity}.");
    }

    public bool IsTenantStoredInCurrentDatabase(IMartenDatabase database, string tenantId) =>
        ReferenceEquals(database, TenantScope.IsHome(tenantId) ? _home : _provinces.GetValueOrDefault(tenantId));

    /// <summary>The home database and every province's, read afresh from the registry (Marten's daemon and Wolverine call this to find new ones).</summary>
    public async ValueTask<IReadOnlyList<IDatabase>> BuildDatabases()
    {
        if (ServesProvinces)
        {
            try
            {
                foreach (var tenant in await _registry.ListAsync()) Province(tenant.Id, tenant);
            }
            catch (NpgsqlException)
            {
                // the home database is unreachable (a failover, a verb run without credentials): serve the provinces known
                // so far; the next call (Wolverine asks every few seconds) finds any added meanwhile
            }
        }
        return Known().Cast<IDatabase>().ToList();
    }

    /// <summary>What Wolverine spreads the projections by: one agent per read model and database, new provinces included.</summary>
    public async ValueTask<DatabaseUsage> DescribeDatabasesAsync(CancellationToken token)
    {
        await BuildDatabases();
        var databases = Known().Select(d =>
        {
            var descriptor = d.Describe();
            descriptor.TenantIds.Add(TenantOf(d));
            return descriptor;
        }).ToList();
        return new DatabaseUsage { Cardinality = Cardinality, MainDatabase = databases[0], Databases = databases };
    }

    /// <summary>The tenant whose database this is (Marten names a database by its identifier).</summary>
#pragma warning disable CS0618 // the identifier is the name this tenancy gave the database, which is what is wanted here
    public static string TenantOf(IMartenDatabase database) => TenantOfIdentifier(database.Identifier);
#pragma warning restore CS0618

    public static string TenantOfIdentifier(string identifier) => identifier == HomeIdentifier ? TenantScope.Home : identifier;

    /// <summary>
    /// Every tenant this deployment serves: the home database's, then each registered province's when provinces are on
    /// (the one list start-up migration, read-model set-up, rebuilds, readiness and the compliance sweep walk).
    /// </summary>
    public async Task<IReadOnlyList<string>> ServedTenantsAsync(CancellationToken ct = default) =>
        ServesProvinces ? [TenantScope.Home, .. (await _registry.ListAsync(ct)).Select(t => t.Id)] : [TenantScope.Home];

    /// <summary>
    /// This node's handle on a province's database before the province is in the registry, so its schema can be made
    /// before any node (whose daemon looks in the registry) starts its projections.
    /// </summary>
    public IMartenDatabase Open(TenantRecord province) => Province(province.Id, province);

    private IEnumerable<MartenDatabase> Known() => new[] { _home }.Concat(_provinces.Values);

    private async Task<TenantRecord?> FindAsync(string tenantId) =>
        _provinces.ContainsKey(tenantId) ? null : await _registry.FindAsync(tenantId);

    private MartenDatabase Province(string tenantId, TenantRecord? record)
    {
        if (_provinces.TryGetValue(tenantId, out var known)) return known;
        if (!ServesProvinces)
            throw new UnknownTenantIdException($"{tenantId} (this deployment serves the home database only: start it with Tenancy:Provinces=true)");
        if (record is null) throw new UnknownTenantIdException(tenantId);
        lock (_gate)
        {
            if (_provinces.TryGetValue(tenantId, out known)) return known;
            var database = new MartenDatabase(_options, DataSourceFor(record.ConnectionString), tenantId);
            _provinces = _provinces.Add(tenantId, database);
            return database;
        }
    }

    private static NpgsqlDataSource DataSourceFor(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        MartenSetup.TuneConnections(builder.ConnectionStringBuilder);
        return builder.Build();
    }

    public void Dispose()
    {
        foreach (var d in Known()) d.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var d in Known()) await d.DisposeAsync();
    }
}
