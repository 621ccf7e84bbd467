using Microsoft.Extensions.Diagnostics.HealthChecks;
using SecondChance.Integrity.Tenancy;
using SecondChance.Projections.OnMarten;

namespace SecondChance.Host.Health;

/// <summary>
/// Unhealthy when a read model is paused (a poison event recorded its failure) or when more committed events than
/// <see cref="HealthOptions.MaxProjectionLagEvents"/> lie past its position; the description names each such read model,
/// with its province when it is not the home database's.
/// </summary>
public sealed class ProjectionsHealthCheck(MartenReadModels models, HealthOptions options, Marten.IDocumentStore store)
    : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var lags = new List<ProjectionLag>();
        try
        {
            foreach (var tenant in await store.Provinces().ServedTenantsAsync(ct))
                lags.AddRange(TenantScope.IsHome(tenant)
                    ? await LagsInAsync(tenant, ct)
                    : (await LagsInAsync(tenant, ct)).Select(l => l with { Name = $"{tenant}/{l.Name}" }));
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The read models' positions could not be read.");
        }
        var paused = lags.Where(l => l.Paused).Select(l => l.Name).ToList();
        var lagging = lags.Where(l => !l.Paused && l.BehindHead > options.MaxProjectionLagEvents).ToList();
        var behind = lagging.Select(l => $"{l.Name} ({l.BehindHead} events behind)").ToList();
        var data = new Dictionary<string, object> { ["paused"] = paused, ["lagging"] = lagging.Select(l => l.Name).ToList() };
        if (paused.Count == 0 && behind.Count == 0)
            return HealthCheckResult.Healthy($"{lags.Count} read models running, none more than {options.MaxProjectionLagEvents} events behind.");
        var parts = new List<string>();
        if (paused.Count > 0) parts.Add($"paused: {string.Join(", ", paused)}");
        if (behind.Count > 0) parts.Add($"more than {options.MaxProjectionLagEvents} events behind: {string.Join(", ", behind)}");
        return HealthCheckResult.Unhealthy($"Read models {string.Join("; ", parts)}.", data: data);
    }

    private async Task<IReadOnlyList<ProjectionLag>> LagsInAsync(string tenant, CancellationToken ct)
    {
        using var _ = TenantScope.Enter(tenant);
        return await models.Status.LagsAsync(ct);
    }
}
