using SecondChance.Integrity.Privacy;

namespace SecondChance.Host.Hosting;

/// <summary>
/// Brings erasures made by other nodes into this node's keyring: every key is read again on a timer, so a person erased
/// elsewhere reads as erased here within <see cref="Interval"/> (the old store cached keys for the same 30 s).
/// </summary>
public sealed class KeyringRefresh(SubjectKeyring keyring, Readiness readiness, ILogger<KeyringRefresh> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(ct))
        {
            if (readiness.Pending.Contains(ReadinessStep.Migrations)) continue;
            try
            {
                await keyring.RefreshAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Refreshing the keyring failed ({Error}); trying again in {Interval}", e.GetType().Name, Interval);
            }
        }
    }
}
