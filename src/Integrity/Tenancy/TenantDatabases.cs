using Marten;
using Npgsql;
using Weasel.Postgresql;

namespace SecondChance.Integrity.Tenancy;

/// <summary>Each tenant's data source, as Marten's tenancy holds it: the home database's, or a province's.</summary>
/// <param name="store">Asked for on first use of a province: the store's configuration itself needs the read models that query through here.</param>
public sealed class TenantDatabases(Func<IDocumentStore> store, NpgsqlDataSource home)
{
    public NpgsqlDataSource Home => home;

    /// <summary>The database of the tenant the current work runs in.</summary>
    public TenantDataSource Current => new(() => For(TenantScope.Current));

    public NpgsqlDataSource For(string tenant) => TenantScope.IsHome(tenant)
        ? home
        : ((PostgresqlDatabase)store().Provinces().GetTenant(tenant).Database).DataSource;
}
