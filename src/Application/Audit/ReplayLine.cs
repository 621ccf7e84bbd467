namespace SecondChance.Application.Audit;

/// <summary>How a sale price was split; the parts of a correct sale add up to the price and the makers' shares to the inmate share.</summary>
public sealed record SaleParts(long PriceMinor, long InmateShareMinor, long WelfareFundMinor, long MaterialsRecoveryMinor, DateOnly PolicyEffectiveFrom,
    IReadOnlyList<MakerPart> Makers);

public sealed record MakerPart(Guid InmateId, Guid PostingId, long ShareMinor, long SpendableMinor, long SavingsMinor, long FamilyMinor);

/// <summary>
/// One recorded event of a facility's wage and proceeds history. Source is sale (the split of a sale price), wage,
/// piece_work, sale_share, deduction, remittance, payout or reversal. Amounts are signed changes to the inmate's
/// sub-accounts (credits positive); a sale line carries its parts instead.
/// </summary>
public sealed record ReplayLine(
    long Position,
    string StreamId,
    long Version,
    DateTimeOffset RecordedAt,
    DateTimeOffset OccurredAt,
    string? Actor,
    string Source,
    Guid? InmateId,
    Guid? PostingId,
    Guid? SaleId,
    Guid? ItemId,
    Guid? ReversedPostingId,
    string Description,
    string Currency,
    long AmountMinor,
    long SpendableMinor,
    long SavingsMinor,
    long FamilyMinor,
    SaleParts? Sale);
