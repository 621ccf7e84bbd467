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

/// <summary>One thing a release is ready in or not: a journey check, or a goal of the rehabilitation plan.</summary>
/// <param name="Status">met, on_track, behind, dropped or missing.</param>
public sealed record ReadinessCheck(string Item, string Status, Guid? GoalId = null, PlanGoalKind? Kind = null, string? Description = null,
    DateOnly? TargetDate = null);

/// <summary>What a release due stands on: the journey so far and each goal of the plan with its latest review.</summary>
public sealed record ReadinessFacts(
    bool SkillCertified, long SavingsMinor, bool SavingsPayoutPlanned, bool MentorAssigned, bool FollowUpPlanned,
    IReadOnlyList<(PlanGoal Goal, PlanGoalOutcome? Outcome)> Goals);

/// <summary>
/// Readiness for release, per item and per goal (Sindh Prisons and Corrections Service Act 2019: the correctional plan
/// prepares the release). Pure: a goal takes its latest review; one not yet reviewed is on track until its target date, behind after it.
/// </summary>
public static class ReleaseReadinessAssessment
{
    public const string Met = "met", OnTrack = "on_track", Behind = "behind", Dropped = "dropped", Missing = "missing";

    public static IReadOnlyList<ReadinessCheck> Assess(ReadinessFacts facts, DateOnly today)
    {
        var checks = new List<ReadinessCheck>
        {
            new("certified_skill", facts.SkillCertified ? Met : Missing),
            new("savings", facts.SavingsMinor > 0 && facts.SavingsPayoutPlanned ? Met : Missing),
            new("mentor", facts.MentorAssigned ? Met : Missing),
            new("follow_up", facts.FollowUpPlanned ? Met : Missing),
        };
        foreach (var (kind, item) in new[] { (PlanGoalKind.HousingAfterRelease, "housing"), (PlanGoalKind.WorkAfterRelease, "work") })
            if (!facts.Goals.Any(g => g.Goal.Kind == kind)) checks.Add(new(item, Missing, Kind: kind));
        checks.AddRange(facts.Goals.OrderBy(g => g.Goal.TargetDate).ThenBy(g => g.Goal.GoalId).Select(g => new ReadinessCheck(
            g.Goal.Kind switch { PlanGoalKind.HousingAfterRelease => "housing", PlanGoalKind.WorkAfterRelease => "work", _ => "goal" },
            Status(g.Outcome, g.Goal.TargetDate, today), g.Goal.GoalId, g.Goal.Kind, g.Goal.Description, g.Goal.TargetDate)));
        return checks;
    }

    private static string Status(PlanGoalOutcome? outcome, DateOnly target, DateOnly today) => outcome switch
    {
        PlanGoalOutcome.Achieved => Met,
        PlanGoalOutcome.Dropped => Dropped,
        PlanGoalOutcome.Behind => Behind,
        PlanGoalOutcome.OnTrack => OnTrack,
        _ => target < today ? Behind : OnTrack,
    };
}
