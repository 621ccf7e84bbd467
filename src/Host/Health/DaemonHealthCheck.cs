using JasperFx.Events.Daemon;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SecondChance.Host.Health;

/// <summary>
/// Marten's async daemon on this node (HotCold): unhealthy when it is not running. Registered only where
/// Projections:Enabled is true; Marten 9 has no daemon health check of its own (AddMartenAsyncDaemonHealthCheck went with Marten 7).
/// </summary>
public sealed class DaemonHealthCheck(IProjectionCoordinator coordinator) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var daemon = coordinator.DaemonForMainDatabase();
        return Task.FromResult(daemon.IsRunning
            ? HealthCheckResult.Healthy("Marten's async daemon is running.")
            : HealthCheckResult.Unhealthy("Marten's async daemon is not running on this node."));
    }
}
