namespace SecondChance.Projections.ReadModels.Wages;

/// <summary>
/// Source is wage, piece_work, sale, deduction, remittance, payout or reversal; balances run per sub-account in effective
/// order. OccurredAt is when the posting took effect, RecordedAt when it was recorded.
/// </summary>
public sealed record StatementLine(
    Guid PostingId, long Position, string Source, Guid? Reference, string Description, DateTimeOffset OccurredAt,
    long SpendableMinor, long SavingsMinor, long FamilyMinor, long SpendableBalance, long SavingsBalance, long FamilyBalance, string Currency,
    DateTimeOffset? RecordedAt);

public sealed record PeriodTotal(Guid FacilityId, DateOnly Month, string Source, long Postings, long AmountMinor, long SpendableMinor, long SavingsMinor, long FamilyMinor);

public sealed record SaleDistribution(
    Guid SaleId, Guid ItemId, Guid FacilityId, DateTimeOffset DistributedAt, long PriceMinor, string Currency, long InmateShareMinor,
    long WelfareFundMinor, long MaterialsRecoveryMinor, DateOnly PolicyEffectiveFrom, string MakersJson);

public sealed record TrialBalanceLine(string Account, long DebitMinor, long CreditMinor);

public sealed record TrialBalance(Guid? FacilityId, IReadOnlyList<TrialBalanceLine> Lines, long TotalDebitMinor, long TotalCreditMinor)
{
    public bool Balanced => TotalDebitMinor == TotalCreditMinor;
}
