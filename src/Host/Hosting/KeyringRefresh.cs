using SecondChance.Integrity.Privacy;

namespace SecondChance.Host.Hosting;

/// <summary>
/// Holds every key from the start and brings erasures made by other nodes into this node's keyring: the keys are
/// loaded as soon as the schema is migrated, then read again on a timer, so a person erased elsewhere reads as erased
/// here within <see cref="Interval"/> (the old store cached keys for the same 30 s). Until the first load, Marten's
/// reads (the daemon catching up, a rebuild) would fetch each person's key on its own, synchronously.
/// </summary>
public sealed class KeyringRefresh(SubjectKeyring keyring, Readiness readiness, ILogger<KeyringRefresh> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan WhileMigrating = TimeSpan.FromMilliseconds(200);

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        try
        {
            while (true)
            {
                var migrating = readiness.Pending.Contains(ReadinessStep.Migrations);
                if (!migrating)
                {
                    try
                    {
                        await keyring.RefreshAsync(ct);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        logger.LogWarning("Refreshing the keyring failed ({Error}); trying again in {Interval}", e.GetType().Name, Interval);
                    }
                }
                await Task.Delay(migrating ? WhileMigrating : Interval, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
    }
}
