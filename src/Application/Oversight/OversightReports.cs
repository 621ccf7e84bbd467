using SecondChance.Application.Audit;
using SecondChance.Domain.Compliance;
using SecondChance.Domain.Facilities;

namespace SecondChance.Application.Oversight;

/// <summary>Builds oversight reports by evaluating the domain's rights rules over inmates' facts; pure.</summary>
public static class OversightReports
{
    /// <summary>Local midnight of a date at the facility, as an instant.</summary>
    public static DateTimeOffset StartOf(DateOnly date, FacilityState facility)
    {
        var zone = ComplianceRules.TimeZoneOf(facility);
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <param name="seesConfidential">Oversight: findings resting on a complaint addressed to it and not disclosed are kept.</param>
    public static IReadOnlyList<ReportedFinding> Findings(IEnumerable<InmateComplianceFacts> facts,
        IReadOnlyDictionary<Guid, FacilityState> facilities, DateTimeOffset asOf, FacilityState localTo, bool seesConfidential)
    {
        FacilityState? FacilityOf(Guid id) => facilities.GetValueOrDefault(id);
        return facts.SelectMany(f => ComplianceRules.Evaluate(f, FacilityOf, asOf))
            .Where(f => seesConfidential || !f.Confidential)
            .Select(f => Report(f, localTo))
            .OrderBy(f => f.PeriodStart).ThenBy(f => f.RuleCode).ThenBy(f => f.InmateId)
            .ToList();
    }

    public static OversightReport Build(FacilityState facility, IEnumerable<InmateComplianceFacts> facts,
        IReadOnlyDictionary<Guid, FacilityState> facilities, DateOnly from, DateOnly to, TimeAxes axes, DateTimeOffset asOf, string source,
        bool seesConfidential)
    {
        var start = StartOf(from, facility);
        var end = StartOf(to.AddDays(1), facility);
        var all = facts.ToList();
        var findings = Findings(all, facilities, asOf, facility, seesConfidential)
            .Concat(WardOccupancy.OverCapacity(facility, all, asOf).Select(f => Report(f, facility)))
            .Where(f => f.FacilityId == facility.FacilityId && f.PeriodStart < end && f.PeriodEnd >= start)
            .OrderBy(f => f.PeriodStart).ThenBy(f => f.RuleCode).ThenBy(f => f.InmateId)
            .ToList();
        var counts = ComplianceRule.All.Select(r =>
        {
            var mine = findings.Where(f => f.RuleCode == r.Code).ToList();
            var open = mine.Count(f => f.IsOpen);
            return new RuleCount(r.Code, r.Title, r.Source, r.Summary, open, mine.Count - open, mine.Count);
        }).ToList();
        return new OversightReport(facility.FacilityId, facility.Name, facility.TimeZoneId, from, to, axes.AsOf, axes.EffectiveThrough, axes.KnownAt,
            asOf, source,
            facility.Thresholds.SegregationLimitDays, facility.Thresholds.ScreeningDeadlineHours, counts, findings);
    }

    private static ReportedFinding Report(ComplianceFinding f, FacilityState localTo) =>
        new(f.RuleCode, ComplianceRule.ByCode(f.RuleCode)?.Title ?? f.RuleCode, f.InmateId, f.FacilityId, f.PeriodStart.ToUniversalTime(), f.PeriodEnd.ToUniversalTime(),
            localTo.LocalDate(f.PeriodStart), localTo.LocalDate(f.PeriodEnd), f.IsOpen, f.Detail,
            f.Evidence.Select(e => new ReportedEvidence(e.StreamId, e.Version, e.RecordedAt.ToUniversalTime(), localTo.LocalDate(e.RecordedAt), e.What,
                e.OccurredAt?.ToUniversalTime(), e.OccurredAt is { } o ? localTo.LocalDate(o) : null)).ToList(), Confidential: f.Confidential, WardId: f.WardId);
}
