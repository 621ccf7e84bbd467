namespace SecondChance.Domain.Compliance;

/// <summary>
/// A breach of a rule by the record of one inmate over a period. Open while the breach goes on at the instant the
/// rules were evaluated (PeriodEnd is then that instant).
/// </summary>
public sealed record ComplianceFinding(
    string RuleCode,
    Guid InmateId,
    Guid FacilityId,
    DateTimeOffset PeriodStart,
    DateTimeOffset PeriodEnd,
    bool IsOpen,
    string Detail,
    IReadOnlyList<Evidence> Evidence);
