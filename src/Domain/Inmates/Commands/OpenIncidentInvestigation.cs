namespace SecondChance.Domain.Inmates;

public sealed record OpenIncidentInvestigation(Guid InmateId, Guid IncidentId, string Investigator, DateTimeOffset? OpenedAt);
