namespace SecondChance.Domain.Inmates;

public sealed record ReviewPlanGoal(Guid InmateId, Guid GoalId, PlanGoalOutcome Outcome, string Note, string ReviewedBy, DateTimeOffset? ReviewedAt);
