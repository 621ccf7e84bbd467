using JasperFx.Events.Daemon;
using SecondChance.Integrity.Tenancy;

namespace SecondChance.Host.Health;

/// <summary>
/// This node's Marten daemon for the current tenant's database, or null when this node runs none there. With
/// provinces, Wolverine gives each database's read models to some node; asking for a daemon this node does not run
/// throws, which is "not here", not a failure.
/// </summary>
public static class ProjectionDaemons
{
    public static async Task<IProjectionDaemon?> ForCurrentTenantAsync(Marten.Events.Daemon.Coordination.IProjectionCoordinator coordinator)
    {
        var tenant = TenantScope.Current;
        try
        {
            return TenantScope.IsHome(tenant) ? coordinator.DaemonForMainDatabase() : await coordinator.DaemonForDatabase(tenant);
        }
        catch (Exception e) when (e is Wolverine.Runtime.Agents.DaemonNotRunningOnThisNodeException or NotSupportedException or ArgumentException
                                       or InvalidOperationException)
        {
            return null;
        }
    }
}
