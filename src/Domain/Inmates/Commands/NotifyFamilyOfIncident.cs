namespace SecondChance.Domain.Inmates;

public sealed record NotifyFamilyOfIncident(Guid InmateId, Guid IncidentId, string NotifiedPerson, string NotifiedBy, DateTimeOffset? NotifiedAt);
