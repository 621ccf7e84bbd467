using Wolverine;

namespace SecondChance.Host.Notifications;

/// <summary>Sends <see cref="SweepComplianceFindings"/> on every tick; a sweep that fails is logged and the next one tries again.</summary>
public sealed class SweepTimer(IServiceProvider services, NotificationOptions options, ILogger<SweepTimer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.SweepEvery);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(new SweepComplianceFindings(), stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Compliance sweep failed; the next tick tries again");
            }
        }
    }
}
