using JasperFx.Events.Daemon;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SecondChance.Host.Health;

/// <summary>
/// Marten's async daemon on this node. Registered only where Projections:Enabled is true; Marten 9 has no daemon
/// health check of its own. Not running here is degraded, not unhealthy: Wolverine may have given every read model to
/// other nodes, and a daemon that runs nowhere shows as lag, which <see cref="ProjectionsHealthCheck"/> bounds.
/// </summary>
public sealed class DaemonHealthCheck(Marten.Events.Daemon.Coordination.IProjectionCoordinator coordinator, ILogger<DaemonHealthCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        bool running;
        try { running = (await ProjectionDaemons.ForCurrentTenantAsync(coordinator))?.IsRunning == true; }
        catch (Exception e)
        {
            logger.LogWarning(e, "Marten's async daemon could not be asked whether it runs");
            running = false;
        }
        return running
            ? HealthCheckResult.Healthy("Marten's async daemon is running on this node.")
            : HealthCheckResult.Degraded("Marten's async daemon is not running on this node (Wolverine may run the read models on other nodes).");
    }
}
