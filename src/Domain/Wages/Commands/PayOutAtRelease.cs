namespace SecondChance.Domain.Wages;

public sealed record PayOutAtRelease(Guid InmateId, Guid PostingId, DateTimeOffset? PaidAt);
