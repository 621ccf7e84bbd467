using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SecondChance.Integrity.Tenancy;

namespace SecondChance.Host.Health;

/// <summary>
/// Degraded while this node holds a province's old database after the province was moved (it answers that province's
/// users 503 until restarted, so the report says to restart it); lists the disabled provinces. Healthy otherwise.
/// </summary>
public sealed class ProvincesHealthCheck(IDocumentStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) => Task.FromResult(Check());

    /// <summary>As of the tenancy's last look at the registry (Wolverine asks every few seconds).</summary>
    private HealthCheckResult Check()
    {
        var tenancy = store.Provinces();
        if (!tenancy.ServesProvinces) return HealthCheckResult.Healthy("One province: the home database.");
        var data = new Dictionary<string, object> { ["disabled"] = tenancy.Disabled, ["moved"] = tenancy.MovedSinceStart };
        var disabled = tenancy.Disabled.Count == 0 ? "" : $" Disabled: {string.Join(", ", tenancy.Disabled)}.";
        return tenancy.MovedSinceStart.Count > 0
            ? HealthCheckResult.Degraded(
                $"Moved to another database since this node started: {string.Join(", ", tenancy.MovedSinceStart)}; restart this node to serve them.{disabled}",
                data: data)
            : HealthCheckResult.Healthy($"Every registered province not disabled is served.{disabled}", data);
    }
}
