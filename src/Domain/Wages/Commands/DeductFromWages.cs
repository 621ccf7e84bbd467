namespace SecondChance.Domain.Wages;

public sealed record DeductFromWages(Guid InmateId, Guid PostingId, long AmountMinor, string? Currency, string Reason, DateTimeOffset? PostedAt);
