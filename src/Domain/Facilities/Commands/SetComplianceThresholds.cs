namespace SecondChance.Domain.Facilities;

public sealed record SetComplianceThresholds(Guid FacilityId, int SegregationLimitDays, int ScreeningDeadlineHours, int? ComplaintAnswerDays = null,
    int? OvercrowdingDays = null);
