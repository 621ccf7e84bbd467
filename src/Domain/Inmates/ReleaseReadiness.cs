namespace SecondChance.Domain.Inmates;

/// <summary>
/// What a release still lacks, and when the welfare team is reminded of it: 90 and 30 days before the expected release
/// date (00:00 UTC that day), or at once when the plan is made later than that. Pure.
/// </summary>
public static class ReleaseReadiness
{
    public const string Mentor = "mentor";
    public const string SavingsPayoutPlan = "savings_payout_plan";
    public const string FollowUpContact = "follow_up_contact";

    public static readonly int[] ReminderDays = [90, 30];

    /// <summary>The readiness items not yet in place, in a fixed order; empty when the release is ready.</summary>
    public static IReadOnlyList<string> Missing(InmateState inmate) =>
    [
        .. inmate.MentorId is null ? [Mentor] : Array.Empty<string>(),
        .. inmate.SavingsPayout is null ? [SavingsPayoutPlan] : Array.Empty<string>(),
        .. inmate.FollowUpPlannedOn is null ? [FollowUpContact] : Array.Empty<string>(),
    ];

    /// <summary>
    /// The reminders a plan for this date calls for, made at <paramref name="now"/>: each at its day; a day already passed
    /// is reminded of at once, only the latest of those passed; none once the date itself has come.
    /// </summary>
    public static IReadOnlyList<(int DaysBefore, DateTimeOffset At)> Reminders(DateOnly expectedRelease, DateTimeOffset now)
    {
        var release = new DateTimeOffset(expectedRelease.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        if (release <= now) return [];
        var reminders = new List<(int, DateTimeOffset)>();
        for (var i = 0; i < ReminderDays.Length; i++)
        {
            var at = release.AddDays(-ReminderDays[i]);
            // a day already passed is reminded of now, unless the next one has passed too (that one then stands for both)
            var lastPassed = i + 1 == ReminderDays.Length || release.AddDays(-ReminderDays[i + 1]) > now;
            if (at > now) reminders.Add((ReminderDays[i], at));
            else if (lastPassed) reminders.Add((ReminderDays[i], now));
        }
        return reminders;
    }
}
