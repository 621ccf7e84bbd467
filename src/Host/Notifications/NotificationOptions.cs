namespace SecondChance.Host.Notifications;

/// <param name="SweepEvery">How often the rules are judged for new findings (Oversight:SweepSeconds, default 60).</param>
/// <param name="LookBack">A finding that opened and closed between sweeps is still noticed if it ended this recently
/// (Oversight:LookBackDays, default 30).</param>
public sealed record NotificationOptions(TimeSpan SweepEvery, TimeSpan LookBack);
