namespace SecondChance.Integrity.Tenancy;

/// <summary>
/// The province whose database the current request, command or job works in. Set once where the work starts (the
/// signed-in user's tenant for a request, the tenant named on a verb) and read by everything that opens a session or
/// a connection, so no query can reach another province's database by mistake. Unset means the home database.
/// </summary>
public static class TenantScope
{
    /// <summary>The home database's tenant: Marten's default tenant id, and the only tenant of a one-province deployment.</summary>
    public const string Home = Events.EventStoreOptions.DefaultTenant;

    private static readonly AsyncLocal<string?> CurrentTenant = new();

    public static string Current => CurrentTenant.Value ?? Home;

    public static bool IsHome(string tenant) => tenant == Home;

    /// <summary>Works in <paramref name="tenant"/> until the returned scope is disposed (then in the tenant before it).</summary>
    public static IDisposable Enter(string tenant)
    {
        var before = CurrentTenant.Value;
        CurrentTenant.Value = IsHome(tenant) ? null : tenant;
        return new Restore(before);
    }

    private sealed class Restore(string? before) : IDisposable
    {
        public void Dispose() => CurrentTenant.Value = before;
    }
}
