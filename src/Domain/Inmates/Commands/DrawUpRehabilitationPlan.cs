namespace SecondChance.Domain.Inmates;

public sealed record DrawUpRehabilitationPlan(Guid InmateId, IReadOnlyList<PlanGoal> Goals, string DrawnUpBy, DateTimeOffset? DrawnUpAt);
