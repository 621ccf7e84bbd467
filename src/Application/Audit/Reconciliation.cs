namespace SecondChance.Application.Audit;

/// <summary>One reconciliation rule and how many times the record broke it.</summary>
public sealed record ReconciliationCheck(string Code, string Description, bool Passed, int Failures);

/// <summary>One place where the record does not reconcile, with the event that shows it when there is one.</summary>
public sealed record Discrepancy(string Check, string Detail, Guid? Subject, string? StreamId, long? Version);

/// <summary>Sub-account balances of one inmate as derived from the event log; ReadModel is what the statement read model says now.</summary>
public sealed record AccountBalance(
    Guid InmateId, string Currency, long CreditsMinor, long DebitsMinor, long SpendableMinor, long SavingsMinor, long FamilyMinor,
    ReadModelBalance? ReadModel);

public sealed record ReadModelBalance(long SpendableMinor, long SavingsMinor, long FamilyMinor);

public sealed record Reconciliation(
    Guid FacilityId,
    DateTimeOffset From,
    DateTimeOffset To,
    int Sales,
    long SalePricesMinor,
    long SalePartsMinor,
    long CreditsMinor,
    long DebitsMinor,
    IReadOnlyList<ReconciliationCheck> Checks,
    IReadOnlyList<Discrepancy> Discrepancies,
    IReadOnlyList<AccountBalance> Balances)
{
    public bool Reconciled => Discrepancies.Count == 0;
}
