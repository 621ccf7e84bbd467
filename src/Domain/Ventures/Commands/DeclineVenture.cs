namespace SecondChance.Domain.Ventures;

public sealed record DeclineVenture(Guid FacilityId, Guid VentureId, string Reason, string By, DateTimeOffset? At);
