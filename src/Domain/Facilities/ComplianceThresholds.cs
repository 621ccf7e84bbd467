namespace SecondChance.Domain.Facilities;

public sealed record ComplianceThresholds(int SegregationLimitDays, int ScreeningDeadlineHours, int ComplaintAnswerDays = 30, int OvercrowdingDays = 7)
{
    public static readonly ComplianceThresholds Default = new(15, 24);
}
