namespace SecondChance.Domain.Facilities;

public sealed record FacilityRegistered(
    Guid FacilityId, string Name, string Code, string TimeZoneId, bool SeparatesUntriedFromConvicted);

public sealed record WardAdded(
    Guid FacilityId, Guid WardId, string Name, WardCategory Category, WardDesignation Designation);

/// <summary>Shares in basis points of 10 000; the three sale shares add up to 10 000.</summary>
public sealed record ProceedsPolicyAdopted(
    Guid FacilityId,
    DateOnly EffectiveFrom,
    int InmateShareBasisPoints,
    int WelfareFundBasisPoints,
    int MaterialsRecoveryBasisPoints,
    int SavingsRateBasisPoints,
    int FamilyRemittanceRateBasisPoints);

public sealed record ComplianceThresholdsSet(Guid FacilityId, int SegregationLimitDays, int ScreeningDeadlineHours);
