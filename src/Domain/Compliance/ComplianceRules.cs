using SecondChance.Domain.Facilities;
using SecondChance.Domain.Inmates;

namespace SecondChance.Domain.Compliance;

/// <summary>
/// Evaluates the rights rules over one inmate's facts as they stood at <c>asOf</c> (pass facts folded from the events
/// recorded up to then). Pure: the same facts, facilities and instant always give the same findings.
/// </summary>
public static partial class ComplianceRules
{
    public static readonly TimeSpan SegregationJoinGap = TimeSpan.FromHours(24);
    public static readonly TimeSpan MentoringWindowBeforeRelease = TimeSpan.FromDays(90);
    public static readonly TimeSpan ReprisalWindow = TimeSpan.FromDays(30);

    public static IReadOnlyList<ComplianceFinding> Evaluate(
        InmateComplianceFacts facts, Func<Guid, FacilityState?> facilityOf, DateTimeOffset asOf)
    {
        if (facts.AdmittedAt is null || facts.Admission is null) return [];
        var findings = new List<ComplianceFinding>();
        var admittedAt = facts.AdmittedAt.Value;
        var home = facilityOf(facts.AdmittedFacilityId);
        var zone = TimeZoneOf(home);
        var adulthood = Adulthood(facts.DateOfBirth, zone);
        var limits = facilityOf(facts.FacilityId)?.Thresholds ?? ComplianceThresholds.Default;
        // a death ends custody: spells still open end there
        var held = facts.DiedAt is { } died && died < asOf ? died : asOf;
        var end = facts.ReleasedAt is { } r && r < held ? r : held;

        ProlongedSegregation(facts, limits, held, findings);
        ProtectedSegregation(facts, adulthood, held, findings);
        Housing(facts, facilityOf, adulthood, end, held, findings);
        Screening(facts, home?.Thresholds ?? ComplianceThresholds.Default, admittedAt, held, findings);
        Savings(facts, asOf, findings);
        MentoringBeforeRelease(facts, findings);
        Restraints(facts, limits, held, findings);
        MotherWithoutChildContact(facts, limits, admittedAt, end, end < asOf, findings);
        if (held < asOf) findings = findings.Select(f => f with { IsOpen = false }).ToList();
        Incidents(facts, limits, asOf, findings);
        Complaints(facts, home?.Thresholds ?? ComplianceThresholds.Default, asOf, findings);
        PlanMissing(facts, limits, end, asOf, findings);
        return findings;
    }

    /// <summary>The instant a person turns 18: local midnight of the birthday at the facility.</summary>
    public static DateTimeOffset Adulthood(DateOnly dateOfBirth, TimeZoneInfo zone)
    {
        var local = dateOfBirth.AddYears(18).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    public static TimeZoneInfo TimeZoneOf(FacilityState? facility) =>
        facility is not null && TimeZoneInfo.TryFindSystemTimeZoneById(facility.TimeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;

    private static ComplianceFinding Finding(ComplianceRule rule, InmateComplianceFacts f, DateTimeOffset start, DateTimeOffset end,
        bool open, string detail, IEnumerable<Evidence?> evidence) =>
        new(rule.Code, f.InmateId, f.FacilityId, start, end, open, detail, evidence.OfType<Evidence>().ToList());

    /// <summary>
    /// Unanswered: no decision strictly more than the limit after lodging. Reprisal: a segregation, restraint, transfer or workshop
    /// withdrawal after a complaint about staff and at most 30 days after it. Findings on a complaint still hidden from
    /// the facility are confidential.
    /// </summary>
    private static void Complaints(InmateComplianceFacts f, ComplianceThresholds limits, DateTimeOffset asOf, List<ComplianceFinding> findings)
    {
        var limit = TimeSpan.FromDays(limits.ComplaintAnswerDays);
        foreach (var c in f.Complaints.Where(c => c.LodgedAt <= asOf))
        {
            var answered = c.DecidedAt is { } d && d <= asOf ? d : (DateTimeOffset?)null;
            var stop = answered ?? asOf;
            if (stop - c.LodgedAt > limit)
                findings.Add(Finding(ComplianceRule.ComplaintUnanswered, f, c.LodgedAt, stop, answered is null,
                    answered is null ? $"no decision after {(stop - c.LodgedAt).TotalDays:0.##} days; the limit is {limits.ComplaintAnswerDays}"
                        : $"decided after {(stop - c.LodgedAt).TotalDays:0.##} days; the limit is {limits.ComplaintAnswerDays}",
                    [c.Lodged, answered is null ? null : c.Decision]) with { Confidential = c.Hidden });
            if (!c.AboutStaff) continue;
            foreach (var a in f.AdverseActions.Where(a => a.At > c.LodgedAt && a.At - c.LodgedAt <= ReprisalWindow && a.At <= asOf))
                findings.Add(Finding(ComplianceRule.PossibleReprisal, f, c.LodgedAt, a.At, false,
                    $"{a.Evidence.What} {(a.At - c.LodgedAt).TotalDays:0.##} days after a complaint about staff; for review",
                    [c.Lodged, a.Evidence]) with { Confidential = c.Hidden });
        }
    }

    /// <summary>
    /// From the first conviction (admitted convicted, or the change to convicted), a plan is due within the limit: none
    /// drawn up strictly more than the limit later is a finding, open until one is (closed by a late plan); custody that
    /// ended before the plan fell due gives none.
    /// </summary>
    private static void PlanMissing(InmateComplianceFacts f, ComplianceThresholds limits, DateTimeOffset end, DateTimeOffset asOf,
        List<ComplianceFinding> findings)
    {
        if (f.LegalStatus.FirstOrDefault(s => s.Status == LegalStatus.Convicted) is not { } convicted) return;
        var due = convicted.From + TimeSpan.FromDays(limits.PlanDays);
        var plan = f.Plans.FirstOrDefault(p => (p.OccurredAt ?? p.RecordedAt) >= convicted.From);
        var drawn = plan is null ? (DateTimeOffset?)null : plan.OccurredAt ?? plan.RecordedAt;
        if (drawn is { } d && d <= due) return;
        var stop = drawn is { } late && late <= end ? late : end;
        if (stop <= due) return;
        findings.Add(Finding(ComplianceRule.PlanMissing, f, convicted.From, stop, stop == asOf,
            $"no rehabilitation plan {(stop - convicted.From).TotalDays:0.##} days after conviction; the limit is {limits.PlanDays}",
            [convicted.Evidence, drawn is { } x && x <= end ? plan : null]));
    }

    private static void ProlongedSegregation(InmateComplianceFacts f, ComplianceThresholds limits, DateTimeOffset asOf, List<ComplianceFinding> findings)
    {
        var limit = TimeSpan.FromDays(limits.SegregationLimitDays);
        var spells = f.Segregation.OrderBy(s => s.Start).ToList();
        for (var i = 0; i < spells.Count;)
        {
            // spells separated by less than a day count as one: a short break does not reset the clock
            var start = spells[i].Start;
            var last = i;
            while (last + 1 < spells.Count && spells[last].End is { } e && spells[last + 1].Start - e < SegregationJoinGap) last++;
            var stop = spells[last].End ?? asOf;
            if (stop - start > limit)
                findings.Add(Finding(ComplianceRule.ProlongedSegregation, f, start, stop, spells[last].End is null,
                    $"segregated {(stop - start).TotalDays:0.##} days; the limit is {limits.SegregationLimitDays}",
                    spells.Skip(i).Take(last - i + 1).SelectMany(s => new[] { s.StartEvidence, s.EndEvidence })));
            i = last + 1;
        }
    }

    private static void ProtectedSegregation(InmateComplianceFacts f, DateTimeOffset adulthood, DateTimeOffset asOf, List<ComplianceFinding> findings)
    {
        foreach (var s in f.Segregation)
        {
            var stop = s.End ?? asOf;
            if (s.Start < adulthood)
                findings.Add(Finding(ComplianceRule.SegregationOfProtectedPerson, f, s.Start, stop < adulthood ? stop : adulthood,
                    s.End is null && asOf < adulthood, "a juvenile was segregated", [s.StartEvidence, s.EndEvidence]));
            if (f.Sex != Sex.Female) continue;
            var screening = f.Screenings.Where(x => x.Female is not null && x.At <= stop).OrderBy(x => x.At).LastOrDefault();
            if (screening?.Female is { } w && (w.Pregnant || w.Breastfeeding || w.ChildrenAccompanying > 0))
                findings.Add(Finding(ComplianceRule.SegregationOfProtectedPerson, f, s.Start, stop, s.End is null,
                    w.Pregnant ? "a pregnant woman was segregated" : w.Breastfeeding ? "a breastfeeding mother was segregated" : "a woman with her child was segregated",
                    [screening.Evidence, s.StartEvidence, s.EndEvidence]));
        }
    }

    private static void Housing(InmateComplianceFacts f, Func<Guid, FacilityState?> facilityOf, DateTimeOffset adulthood,
        DateTimeOffset end, DateTimeOffset asOf, List<ComplianceFinding> findings)
    {
        var open = f.ReleasedAt is null || f.ReleasedAt > asOf;
        for (var i = 0; i < f.Housing.Count; i++)
        {
            var h = f.Housing[i];
            var isLast = i + 1 == f.Housing.Count;
            var stop = isLast ? end : f.Housing[i + 1].From;
            if (stop <= h.From) continue;
            var adultWard = h.Category is WardCategory.AdultMale or WardCategory.AdultFemale;
            if (adultWard && h.From < adulthood)
                findings.Add(Finding(ComplianceRule.JuvenileWithAdults, f, h.From, stop < adulthood ? stop : adulthood,
                    isLast && open && asOf < adulthood, "a juvenile was housed in an adult ward", [h.Evidence]));
            var maleWard = h.Category is WardCategory.AdultMale or WardCategory.JuvenileMale;
            var wrongSex = f.Sex == Sex.Female ? maleWard : !maleWard;
            if (wrongSex)
                findings.Add(Finding(ComplianceRule.WomanWithMen, f, h.From, stop, isLast && open,
                    f.Sex == Sex.Female ? "a woman was housed in a men's ward" : "a man was housed in a women's ward", [h.Evidence]));
            UntriedWithConvicted(f, facilityOf(h.FacilityId), h, stop, isLast && open, findings);
        }
    }

    private static void UntriedWithConvicted(InmateComplianceFacts f, FacilityState? facility, HousingSpell h, DateTimeOffset stop,
        bool open, List<ComplianceFinding> findings)
    {
        if (facility is not { SeparatesUntriedFromConvicted: true } || !facility.Wards.TryGetValue(h.WardId, out var ward)
            || ward.Designation == WardDesignation.Mixed) return;
        var statuses = f.LegalStatus.OrderBy(s => s.From).ToList();
        for (var i = 0; i < statuses.Count; i++)
        {
            var from = statuses[i].From > h.From ? statuses[i].From : h.From;
            var to = i + 1 < statuses.Count && statuses[i + 1].From < stop ? statuses[i + 1].From : stop;
            var matches = statuses[i].Status == LegalStatus.Remand ? ward.Designation == WardDesignation.Untried : ward.Designation == WardDesignation.Convicted;
            if (to > from && !matches)
                findings.Add(Finding(ComplianceRule.UntriedWithConvicted, f, from, to, open && i + 1 == statuses.Count,
                    $"a {statuses[i].Status.ToString().ToLowerInvariant()} inmate was housed in a {ward.Designation.ToString().ToLowerInvariant()} ward",
                    [h.Evidence, statuses[i].Evidence]));
        }
    }

    private static void Screening(InmateComplianceFacts f, ComplianceThresholds limits, DateTimeOffset admittedAt, DateTimeOffset asOf,
        List<ComplianceFinding> findings)
    {
        var due = admittedAt + TimeSpan.FromHours(limits.ScreeningDeadlineHours);
        var qualifying = f.Screenings.Where(s => f.Sex != Sex.Female || s.Female is not null).OrderBy(s => s.At).FirstOrDefault();
        var what = f.Sex == Sex.Female ? "entry health screening" : "medical screening";
        if (qualifying is not null && qualifying.At <= due) return;
        if (qualifying is not null)
            findings.Add(Finding(ComplianceRule.ScreeningMissed, f, admittedAt, qualifying.At, false,
                $"{what} {(qualifying.At - admittedAt).TotalHours:0.#} hours after admission; the deadline is {limits.ScreeningDeadlineHours} hours",
                [f.Admission, qualifying.Evidence]));
        else if (asOf > due)
            findings.Add(Finding(ComplianceRule.ScreeningMissed, f, admittedAt, asOf, true,
                $"no {what} recorded; it was due within {limits.ScreeningDeadlineHours} hours of admission", [f.Admission]));
    }

    private static void Savings(InmateComplianceFacts f, DateTimeOffset asOf, List<ComplianceFinding> findings)
    {
        foreach (var c in f.Credits.Where(c => c.AmountMinor > 0 && c.SavingsMinor <= 0))
            findings.Add(Finding(ComplianceRule.SavingsPartMissing, f, c.At, c.At, false,
                $"a credit of {Money.Format(c.AmountMinor)} kept nothing as savings", [c.Evidence]));
        if (f.ReleasedAt is { } released && f.SavingsAtReleaseMinor > 0 && f.SavingsPayout is null)
            findings.Add(Finding(ComplianceRule.SavingsNotPaidAtRelease, f, released, asOf, true,
                $"released with {Money.Format(f.SavingsAtReleaseMinor)} of savings not paid out", [f.Release]));
    }

    private static void MentoringBeforeRelease(InmateComplianceFacts f, List<ComplianceFinding> findings)
    {
        if (f.Sex != Sex.Female || f.ReleasedAt is not { } released) return;
        var windowStart = released - MentoringWindowBeforeRelease;
        if (f.MentoringContacts.Any(c => (c.OccurredAt ?? c.RecordedAt) >= windowStart && (c.OccurredAt ?? c.RecordedAt) <= released)) return;
        findings.Add(Finding(ComplianceRule.WomanReleasedWithoutMentoring, f, windowStart, released, false,
            "no mentoring contact in the 90 days before release", [f.Release]));
    }
}
