namespace SecondChance.Domain.Ventures;

public sealed record AwardSeedGrant(Guid FacilityId, Guid VentureId, Guid PostingId, long AmountMinor, string? Currency, DateTimeOffset? AwardedAt);
