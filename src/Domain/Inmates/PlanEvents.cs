namespace SecondChance.Domain.Inmates;

/// <summary>A rehabilitation plan drawn up (or revised: the latest replaces the goals) for a sentenced inmate.</summary>
public sealed record RehabilitationPlanDrawnUp(Guid InmateId, IReadOnlyList<PlanGoal> Goals, string DrawnUpBy, DateTimeOffset DrawnUpAt);

public sealed record PlanGoalReviewed(Guid InmateId, Guid GoalId, PlanGoalOutcome Outcome, string Note, string ReviewedBy, DateTimeOffset ReviewedAt);
