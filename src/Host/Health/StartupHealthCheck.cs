using Microsoft.Extensions.Diagnostics.HealthChecks;
using SecondChance.Host.Hosting;

namespace SecondChance.Host.Health;

/// <summary>Unhealthy while a declared start-up step (<see cref="Readiness"/>) has not finished; data "pending" names them.</summary>
public sealed class StartupHealthCheck(Readiness readiness) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var pending = readiness.Pending;
        return Task.FromResult(pending.Count == 0
            ? HealthCheckResult.Healthy("Start-up steps finished.")
            : HealthCheckResult.Unhealthy($"{string.Join(", ", pending)} not finished yet.",
                data: new Dictionary<string, object> { ["pending"] = pending }));
    }
}
