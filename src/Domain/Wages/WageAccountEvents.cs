namespace SecondChance.Domain.Wages;

public sealed record WageCredited(
    Guid InmateId,
    Guid PostingId,
    WageKind Kind,
    long AmountMinor,
    long SpendableMinor,
    long SavingsMinor,
    long FamilyMinor,
    string Currency,
    string Description,
    DateTimeOffset CreditedAt);

public sealed record ShareOfSaleCredited(
    Guid InmateId,
    Guid PostingId,
    Guid SaleId,
    Guid ItemId,
    long AmountMinor,
    long SpendableMinor,
    long SavingsMinor,
    long FamilyMinor,
    string Currency,
    DateTimeOffset CreditedAt);

public sealed record DeductionPosted(
    Guid InmateId, Guid PostingId, long AmountMinor, string Currency, string Reason, DateTimeOffset PostedAt);

public sealed record FamilyRemittanceSent(
    Guid InmateId,
    Guid PostingId,
    WageSubAccount From,
    long AmountMinor,
    string Currency,
    string Recipient,
    DateTimeOffset SentAt);

public sealed record ReleasePayoutMade(
    Guid InmateId, Guid PostingId, long SpendableMinor, long SavingsMinor, string Currency, DateTimeOffset PaidAt);

/// <summary>Deltas are the exact negation of the reversed posting's effect on each sub-account.</summary>
public sealed record PostingReversed(
    Guid InmateId,
    Guid PostingId,
    Guid ReversedPostingId,
    long SpendableDeltaMinor,
    long SavingsDeltaMinor,
    long FamilyDeltaMinor,
    string Currency,
    string Reason,
    DateTimeOffset ReversedAt);
