namespace SecondChance.Domain.Wages;

public sealed record RemitToFamily(
    Guid InmateId,
    Guid PostingId,
    long AmountMinor,
    string? Currency,
    string Recipient,
    DateTimeOffset? SentAt,
    WageSubAccount From = WageSubAccount.Family);
