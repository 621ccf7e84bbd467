namespace SecondChance.Domain.Facilities;

/// <summary>A facility's limits for the configurable rights rules; limits added later default to the rules' own defaults.</summary>
public sealed record ComplianceThresholds(
    int SegregationLimitDays,
    int ScreeningDeadlineHours,
    int RestraintLimitHours = 4,
    int IncidentReportHours = 24,
    int FamilyNotificationHours = 24,
    int ChildContactDays = 30,
    int ComplaintAnswerDays = 30,
    int OvercrowdingDays = 7,
    int PlanDays = 30)
{
    public static readonly ComplianceThresholds Default = new(15, 24);
}
