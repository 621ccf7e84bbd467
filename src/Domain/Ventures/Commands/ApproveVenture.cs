namespace SecondChance.Domain.Ventures;

public sealed record ApproveVenture(Guid FacilityId, Guid VentureId, string By, DateTimeOffset? At);
