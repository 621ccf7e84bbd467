namespace SecondChance.Domain.Facilities;

public sealed record ComplianceThresholds(int SegregationLimitDays, int ScreeningDeadlineHours, int ComplaintAnswerDays = 30)
{
    public static readonly ComplianceThresholds Default = new(15, 24);
}
