namespace SecondChance.Host.Notifications;

/// <summary>
/// Where a reliability test may stop this process in the middle of recording a notification (setting
/// <c>Faults:Notifications</c> = before-record or after-record): the handler then hangs there, for the test to kill the
/// process with SIGKILL. Unset (always, outside those tests) it does nothing.
/// </summary>
public sealed class NotificationFaults(IConfiguration configuration, ILogger<NotificationFaults> logger)
{
    public const string Setting = "Faults:Notifications";
    public const string BeforeRecord = "before-record";
    public const string AfterRecord = "after-record";

    private readonly string? _at = configuration[Setting];

    public async Task AtAsync(string point, CancellationToken ct)
    {
        if (_at != point) return;
        logger.LogWarning("Fault injected: holding at {Point} until this process is killed", point);
        await Task.Delay(Timeout.Infinite, ct);
    }
}
