namespace SecondChance.Domain.Compliance;

/// <summary>
/// A breach of a rule by the record of one inmate over a period. Open while the breach goes on at the instant the
/// rules were evaluated (PeriodEnd is then that instant). A confidential finding rests on a complaint addressed to
/// oversight and not disclosed: only oversight may see it.
/// </summary>
public sealed record ComplianceFinding(
    string RuleCode,
    Guid InmateId,
    Guid FacilityId,
    DateTimeOffset PeriodStart,
    DateTimeOffset PeriodEnd,
    bool IsOpen,
    string Detail,
    IReadOnlyList<Evidence> Evidence,
    bool Confidential = false,
    Guid? WardId = null);
