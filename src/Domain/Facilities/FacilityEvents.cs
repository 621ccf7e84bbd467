namespace SecondChance.Domain.Facilities;

/// <summary>Currency is what the facility's wage accounts are kept in; facilities registered before it existed keep rupees.</summary>
public sealed record FacilityRegistered(
    Guid FacilityId, string Name, string Code, string TimeZoneId, bool SeparatesUntriedFromConvicted, string Currency = Money.Pkr);

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

/// <summary>How many people a ward is certified to hold, from an instant on (Nelson Mandela Rules 12-13); a later one replaces it.</summary>
public sealed record WardCapacityCertified(Guid FacilityId, Guid WardId, int Capacity, string CertifiedBy, DateTimeOffset EffectiveFrom);

/// <summary>The later limits are absent in events recorded before they existed: those facilities keep the defaults.</summary>
public sealed record ComplianceThresholdsSet(Guid FacilityId, int SegregationLimitDays, int ScreeningDeadlineHours,
    int? RestraintLimitHours = null, int? IncidentReportHours = null, int? FamilyNotificationHours = null, int? ChildContactDays = null,
    int? ComplaintAnswerDays = null, int? OvercrowdingDays = null, int? PlanDays = null);
