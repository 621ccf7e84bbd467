namespace SecondChance.Domain.Inmates;

/// <summary>What a goal of a rehabilitation plan is about (Sindh Prisons and Corrections Service Act 2019: a correctional plan per sentenced prisoner).</summary>
public enum PlanGoalKind
{
    Skill,
    Literacy,
    IT,
    Health,
    Family,
    HousingAfterRelease,
    WorkAfterRelease,
}

public enum PlanGoalOutcome
{
    OnTrack,
    Behind,
    Achieved,
    Dropped,
}

/// <param name="Responsible">The person who sees the goal through.</param>
public sealed record PlanGoal(Guid GoalId, PlanGoalKind Kind, string Description, DateOnly TargetDate, string Responsible);
