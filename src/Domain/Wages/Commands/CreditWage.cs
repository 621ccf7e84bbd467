namespace SecondChance.Domain.Wages;

public sealed record CreditWage(
    Guid InmateId, Guid PostingId, WageKind Kind, long AmountMinor, string? Currency, string Description, DateTimeOffset? CreditedAt);
