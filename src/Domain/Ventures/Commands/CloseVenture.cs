namespace SecondChance.Domain.Ventures;

public sealed record CloseVenture(Guid FacilityId, Guid VentureId, string Reason, DateTimeOffset? At);
