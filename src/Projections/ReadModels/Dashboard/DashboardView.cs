namespace SecondChance.Projections.ReadModels.Dashboard;

public sealed record StatusCount(bool Female, string Status, long Inmates);

/// <summary>Metric is admitted, released, enrolled, completed, withdrew, certified, produced, listed, sold, returned,
/// proceeds, welfare_fund, earnings, paid_out, venture_fund_credited, venture_grant or venture_returned; ProgrammeId and Craft are set for programme and item figures.</summary>
public sealed record MonthlyFigure(DateOnly Month, string Metric, bool Female, Guid? ProgrammeId, string? Craft, long Count, long AmountMinor);

public sealed record ReleaseReadiness(
    Guid InmateId, string PrisonerNumber, Guid FacilityId, bool Female, DateOnly ExpectedRelease, bool DueWithin30Days,
    bool SkillCertified, bool MentorAssigned, long MentoringContactsLast30Days, long SavingsMinor, int FollowUpsAfterRelease,
    IReadOnlyList<SecondChance.Domain.Inmates.ReadinessCheck> Readiness);

/// <summary>Ventures at one facility in one stage and of one kind: how many, how many reached each milestone, granted and paid back.</summary>
public sealed record VentureStageCount(
    Guid FacilityId, string Stage, string Kind, long Ventures, long Registered, long FirstSale, long FirstMonthProfitable, long GrantedMinor, long ReturnedMinor);

public sealed record DashboardView(
    Guid? FacilityId, IReadOnlyList<StatusCount> Inmates, IReadOnlyList<MonthlyFigure> Monthly, IReadOnlyList<ReleaseReadiness> ReleasesDue,
    IReadOnlyList<VentureStageCount> Ventures);
