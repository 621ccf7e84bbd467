namespace SecondChance.Domain.Inmates;

public sealed record ConcludeIncidentInvestigation(Guid InmateId, Guid IncidentId, string Outcome, DateTimeOffset? ConcludedAt);
