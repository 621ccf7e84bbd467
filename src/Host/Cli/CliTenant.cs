using SecondChance.Integrity.Tenancy;

namespace SecondChance.Host.Cli;

/// <summary>The <c>--tenant ID</c> option of the verbs that work on one province's records (default: the home database).</summary>
public static class CliTenant
{
    /// <summary>
    /// The tenant the verb works in, checked against the registry. The caller enters it (<see cref="TenantScope.Enter"/>):
    /// a scope entered inside this async method would end when it returns.
    /// </summary>
    public static async Task<string> ResolveAsync(IServiceProvider services, string[] args)
    {
        var at = Array.IndexOf(args, "--tenant");
        if (at < 0) return TenantScope.Home;
        var tenant = at + 1 < args.Length ? args[at + 1] : "";
        if (TenantRegistry.Invalid(tenant) is not null || await services.GetRequiredService<TenantRegistry>().FindAsync(tenant) is null)
            throw new ArgumentException($"--tenant names no province: '{tenant}' (add-tenant adds one).");
        return tenant;
    }
}
