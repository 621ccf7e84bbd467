namespace SecondChance.Domain.Facilities;

/// <summary>A limit left out keeps the facility's current one.</summary>
public sealed record SetComplianceThresholds(Guid FacilityId, int SegregationLimitDays, int ScreeningDeadlineHours,
    int? RestraintLimitHours = null, int? IncidentReportHours = null, int? FamilyNotificationHours = null, int? ChildContactDays = null,
    int? ComplaintAnswerDays = null, int? OvercrowdingDays = null, int? PlanDays = null);
