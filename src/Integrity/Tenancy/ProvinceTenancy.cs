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
    // the provinces seen in the registry: one opened while it is being added is not offered to the daemon or to
    // Wolverine's agents until it is registered, else they would build its schema beside the provisioning that is doing it
    private ImmutableHashSet<string> _registered = ImmutableHashSet<string>.Empty;
    // the connection string each province's handle was opened with, and the provinces the registry last said were
    // disabled or had moved to another database than the handle's (this node must restart to serve those)
    private ImmutableDictionary<string, string> _openedWith = ImmutableDictionary<string, string>.Empty;
    private ImmutableDictionary<string, string?> _disabled = ImmutableDictionary<string, string?>.Empty; // and why
    private ImmutableHashSet<string> _moved = ImmutableHashSet<string>.Empty;
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
        TenantScope.IsHome(tenantId) ? Default : new Tenant(tenantId, Province(tenantId, FindAsync(tenantId).GetAwaiter().GetResult(), registered: true));

    public async ValueTask<Tenant> GetTenantAsync(string tenantId) =>
        TenantScope.IsHome(tenantId) ? Default : new Tenant(tenantId, Province(tenantId, await FindAsync(tenantId), registered: true));

    public async ValueTask<IMartenDatabase> FindOrCreateDatabase(string tenantIdOrDatabaseIdentifier) =>
        TenantScope.IsHome(tenantIdOrDatabaseIdentifier) || tenantIdOrDatabaseIdentifier == HomeIdentifier
            ? _home
            : Province(tenantIdOrDatabaseIdentifier, await FindAsync(tenantIdOrDatabaseIdentifier), registered: true);

    public async ValueTask<IMartenDatabase> FindDatabase(DatabaseId id)
    {
        if (Known().FirstOrDefault(d => d.Id == id) is { } known) return known;
        await BuildDatabases();
        return Known().FirstOrDefault(d => d.Id == id)
               ?? throw new ArgumentOutOfRangeException(nameof(id), $"No tenant database is {id.Identity}.");
    }

    public bool IsTenantStoredInCurrentDatabase(IMartenDatabase database, string tenantId) =>
        ReferenceEquals(database, TenantScope.IsHome(tenantId) ? _home : _provinces.GetValueOrDefault(tenantId));

    /// <summary>
    /// The home database and every registered province's, read afresh from the registry (Marten's daemon and Wolverine
    /// call this every few seconds to find new ones). A province still being added, a disabled one and one moved to
    /// another database than this node opened are not among them.
    /// </summary>
    public async ValueTask<IReadOnlyList<IDatabase>> BuildDatabases()
    {
        if (ServesProvinces)
        {
            try
            {
                var tenants = await _registry.ListAsync();
                foreach (var tenant in tenants.Where(t => !t.Disabled)) Province(tenant.Id, tenant, registered: true);
                lock (_gate)
                {
                    _registered = tenants.Select(t => t.Id).ToImmutableHashSet();
                    _disabled = tenants.Where(t => t.Disabled).ToImmutableDictionary(t => t.Id, t => t.DisabledReason);
                    _moved = tenants.Where(Moved).Select(t => t.Id).ToImmutableHashSet();
                }
            }
            catch (NpgsqlException)
            {
                // the home database is unreachable (a failover, a verb run without credentials): serve the provinces known
                // so far; the next call (Wolverine asks every few seconds) finds any added meanwhile
            }
        }
        return Registered().Cast<IDatabase>().ToList();
    }

    /// <summary>What Wolverine spreads the projections by: one agent per read model and database, new provinces included.</summary>
    public async ValueTask<DatabaseUsage> DescribeDatabasesAsync(CancellationToken token)
    {
        await BuildDatabases();
        var databases = Registered().Select(d =>
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
        ServesProvinces
            ? [TenantScope.Home, .. (await _registry.ListAsync(ct)).Where(t => !t.Disabled && !Moved(t)).Select(t => t.Id)]
            : [TenantScope.Home];

    /// <summary>
    /// Why this node does not serve <paramref name="tenantId"/>'s records (as the registry stood at its last look, a few
    /// seconds ago at most, or now when this node made the change), or null when it does.
    /// </summary>
    public ProvinceUnserved? Unserved(string tenantId) =>
        _disabled.ContainsKey(tenantId) ? ProvinceUnserved.Disabled
        : _moved.Contains(tenantId) ? ProvinceUnserved.MovedSinceThisNodeStarted
        : _provinces.ContainsKey(tenantId) && !_registered.Contains(tenantId) ? ProvinceUnserved.Removed
        : null;

    /// <summary>The provinces the registry said were disabled at this node's last look, in order.</summary>
    public IReadOnlyList<string> Disabled => _disabled.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>Why a national administrator disabled <paramref name="tenantId"/>, as of this node's last look.</summary>
    public string? DisabledReason(string tenantId) => _disabled.GetValueOrDefault(tenantId);

    /// <summary>The provinces moved to another database since this node opened theirs (it serves them once restarted).</summary>
    public IReadOnlyList<string> MovedSinceStart => _moved.Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Whether this node opened <paramref name="province"/> on another database (server, port or name) than the registry
    /// now names; another password or setting for the same database is no move.
    /// </summary>
    public bool Moved(TenantRecord province) =>
        _openedWith.TryGetValue(province.Id, out var opened) && !SameDatabase(opened, province.ConnectionString);

    /// <summary>Whether two connection strings name the same database: server, port and database name.</summary>
    public static bool SameDatabase(string a, string b)
    {
        var (x, y) = (new NpgsqlConnectionStringBuilder(a), new NpgsqlConnectionStringBuilder(b));
        return string.Equals(x.Host, y.Host, StringComparison.OrdinalIgnoreCase) && x.Port == y.Port && x.Database == y.Database;
    }

    /// <summary>
    /// This node's handle on a province's database before the province is in the registry, so its schema can be made
    /// before any node (whose daemon looks in the registry) starts its projections.
    /// </summary>
    public IMartenDatabase Open(TenantRecord province) => Province(province.Id, province, registered: false);

    private IEnumerable<MartenDatabase> Known() => new[] { _home }.Concat(_provinces.Values);

    private IEnumerable<MartenDatabase> Registered() =>
        new[] { _home }.Concat(_provinces.Where(p => _registered.Contains(p.Key) && Unserved(p.Key) is null)
            .OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value));

    private async Task<TenantRecord?> FindAsync(string tenantId) =>
        _provinces.ContainsKey(tenantId) ? null : await _registry.FindAsync(tenantId);

    /// <param name="registered">Whether <paramref name="record"/> was read from the registry (else the province is being added).</param>
    private MartenDatabase Province(string tenantId, TenantRecord? record, bool registered)
    {
        if (!ServesProvinces)
            throw new UnknownTenantIdException($"{tenantId} (this deployment serves the home database only: start it with Tenancy:Provinces=true)");
        if (!_provinces.TryGetValue(tenantId, out var database))
        {
            if (record is null) throw new UnknownTenantIdException(tenantId);
            lock (_gate)
            {
                if (!_provinces.TryGetValue(tenantId, out database))
                {
                    database = new MartenDatabase(_options, DataSourceFor(record.ConnectionString), tenantId);
                    _provinces = _provinces.Add(tenantId, database);
                    _openedWith = _openedWith.SetItem(tenantId, record.ConnectionString);
                }
            }
        }
        if (registered && record is not null && !_registered.Contains(tenantId))
            lock (_gate) _registered = _registered.Add(tenantId);
        return database;
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

/// <summary>Why a node does not serve a registered province.</summary>
public enum ProvinceUnserved
{
    /// <summary>A national administrator disabled it.</summary>
    Disabled,

    /// <summary>Its database was moved after this node opened the old one; the node serves it again once restarted.</summary>
    MovedSinceThisNodeStarted,

    /// <summary>Not in the registry (removed, or still being added on this node).</summary>
    Removed,
}
