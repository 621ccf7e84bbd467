namespace SecondChance.Domain.Wages;

public sealed record ReversePosting(Guid InmateId, Guid PostingId, Guid ReversedPostingId, string Reason, DateTimeOffset? ReversedAt);
