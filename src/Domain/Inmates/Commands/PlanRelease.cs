namespace SecondChance.Domain.Inmates;

public sealed record PlanRelease(Guid InmateId, DateOnly ExpectedReleaseDate, DateTimeOffset? PlannedAt = null);
