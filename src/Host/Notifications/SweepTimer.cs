using Marten;
using SecondChance.Integrity.Tenancy;
using Wolverine;

namespace SecondChance.Host.Notifications;

/// <summary>Sends <see cref="SweepComplianceFindings"/> on every tick; a sweep that fails is logged and the next one tries again.</summary>
public sealed class SweepTimer(IServiceProvider services, NotificationOptions options, ILogger<SweepTimer> logger) : BackgroundService
{
    /// <summary>One sweep in the home database and one in each province's, in its tenant: each province's findings are in its own.</summary>
    public static async Task SweepEveryTenantAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        foreach (var tenant in await services.GetRequiredService<IDocumentStore>().Provinces().ServedTenantsAsync(ct))
            if (TenantScope.IsHome(tenant)) await bus.InvokeAsync(new SweepComplianceFindings(), ct);
            else await bus.InvokeForTenantAsync(tenant, new SweepComplianceFindings(), ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.SweepEvery);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepEveryTenantAsync(services, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Compliance sweep failed; the next tick tries again");
            }
        }
    }
}
