namespace SecondChance.Domain.Ventures;

public sealed record CreditVentureFund(Guid FacilityId, Guid PostingId, long AmountMinor, string? Currency, string Source, DateTimeOffset? CreditedAt);
