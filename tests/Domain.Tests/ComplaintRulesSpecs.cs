using FluentAssertions;
using SecondChance.Domain.Complaints;
using SecondChance.Domain.Compliance;
using SecondChance.Domain.Facilities;
using SecondChance.Domain.Inmates;
using Xunit;

namespace SecondChance.Domain.Tests;

/// <summary>complaint_unanswered and possible_reprisal, one minute either side of each limit.</summary>
public sealed class ComplaintRulesSpecs
{
    private static readonly Guid FacilityId = Guid.Parse("10000000-0000-0000-0000-000000000001");
    private static readonly Guid InmateId = Guid.Parse("20000000-0000-0000-0000-000000000002");
    private static readonly Guid ComplaintId = Guid.Parse("40000000-0000-0000-0000-000000000004");
    private static readonly DateTimeOffset Admitted = new(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(5));
    private static readonly DateTimeOffset Lodged = Admitted.AddDays(10);

    private static FacilityState Karachi(int? answerDays = null) =>
        new object[] { new FacilityRegistered(FacilityId, "Central Jail Karachi", "CJK", "Asia/Karachi", false) }
            .Concat(answerDays is { } d ? [new ComplianceThresholdsSet(FacilityId, 15, 24, ComplaintAnswerDays: d)] : Array.Empty<object>())
            .Aggregate(FacilityState.Initial, FacilityState.Evolve);

    private static IReadOnlyList<ComplianceFinding> Findings(DateTimeOffset asOf, FacilityState facility, params object[] events)
    {
        var all = new List<object>
        {
            new InmateAdmitted(InmateId, FacilityId, "K-1", "Test Person", "12345-1234567-1", Sex.Male, new DateOnly(1990, 1, 1), LegalStatus.Convicted,
                "Sessions Court", Admitted, false),
            new MedicalScreeningRecorded(InmateId, Admitted.AddHours(1), "Dr Ayesha", "fit", null),
        };
        all.AddRange(events);
        var facts = all.Select((e, i) => new RecordedEvent("inmate-1", i + 1, EffectiveTime.Of(e) ?? Admitted, e))
            .Where(e => e.RecordedAt <= asOf).Aggregate(InmateComplianceFacts.Initial, InmateComplianceFacts.Evolve);
        return ComplianceRules.Evaluate(facts, id => id == FacilityId ? facility : null, asOf)
            .Where(f => ComplianceRule.OnComplaints.Contains(f.RuleCode)).ToList();
    }

    private static ComplaintLodged Complaint(ComplaintChannel channel = ComplaintChannel.ThroughStaff, bool aboutStaff = true) =>
        new(ComplaintId, InmateId, FacilityId, channel, ComplainantKind.Inmate, "Test Person", ComplaintCategory.Treatment, aboutStaff,
            "beaten by a warder", "Welfare officer", Lodged);

    private static ComplaintDecided DecidedAt(DateTimeOffset at) => new(ComplaintId, InmateId, ComplaintOutcome.NotUpheld, null, "Superintendent", at);

    [Fact]
    public void A_complaint_undecided_for_exactly_30_days_is_not_unanswered() =>
        Findings(Lodged.AddDays(30), Karachi(), Complaint()).Should().BeEmpty();

    [Fact]
    public void A_complaint_undecided_for_30_days_and_a_minute_is_an_open_finding()
    {
        var finding = Findings(Lodged.AddDays(30).AddMinutes(1), Karachi(), Complaint()).Should().ContainSingle().Subject;
        finding.RuleCode.Should().Be("complaint_unanswered");
        finding.IsOpen.Should().BeTrue();
        finding.PeriodStart.Should().Be(Lodged);
        finding.Evidence.Should().ContainSingle(e => e.What == "complaint lodged");
        finding.Confidential.Should().BeFalse();
    }

    [Fact]
    public void A_decision_one_minute_late_is_a_closed_finding_naming_both_events()
    {
        var finding = Findings(Lodged.AddDays(60), Karachi(), Complaint(), DecidedAt(Lodged.AddDays(30).AddMinutes(1))).Should().ContainSingle().Subject;
        finding.IsOpen.Should().BeFalse();
        finding.PeriodEnd.Should().Be(Lodged.AddDays(30).AddMinutes(1));
        finding.Evidence.Select(e => e.What).Should().Equal("complaint lodged", "complaint decided");
    }

    [Fact]
    public void A_decision_one_minute_before_the_limit_is_in_time() =>
        Findings(Lodged.AddDays(60), Karachi(), Complaint(), DecidedAt(Lodged.AddDays(30).AddMinutes(-1))).Should().BeEmpty();

    [Fact]
    public void The_facility_sets_its_own_answer_limit()
    {
        Findings(Lodged.AddDays(10), Karachi(answerDays: 10), Complaint()).Should().BeEmpty();
        Findings(Lodged.AddDays(10).AddMinutes(1), Karachi(answerDays: 10), Complaint()).Should().ContainSingle();
    }

    [Fact]
    public void A_finding_on_an_undisclosed_complaint_to_oversight_is_confidential_until_disclosed()
    {
        var asOf = Lodged.AddDays(31);
        Findings(asOf, Karachi(), Complaint(ComplaintChannel.ToOversight)).Should().ContainSingle().Which.Confidential.Should().BeTrue();
        Findings(asOf, Karachi(), Complaint(ComplaintChannel.ToOversight), new ComplaintDisclosed(ComplaintId, InmateId, "Ombudsman", "Inquiry", Lodged.AddDays(1)))
            .Should().ContainSingle().Which.Confidential.Should().BeFalse();
    }

    [Fact]
    public void Segregation_30_days_after_a_complaint_about_staff_is_a_possible_reprisal()
    {
        var at = Lodged.AddDays(30);
        var finding = Findings(at, Karachi(), Complaint(), DecidedAt(Lodged.AddDays(2)), new SegregationStarted(InmateId, "fighting", "superintendent", at))
            .Should().ContainSingle().Subject;
        finding.RuleCode.Should().Be("possible_reprisal");
        finding.Evidence.Select(e => e.What).Should().Equal("complaint lodged", "segregation started");
        finding.PeriodStart.Should().Be(Lodged);
        finding.PeriodEnd.Should().Be(at);
    }

    [Fact]
    public void Segregation_30_days_and_a_minute_after_the_complaint_is_not() =>
        Findings(Lodged.AddDays(40), Karachi(), Complaint(), DecidedAt(Lodged.AddDays(2)),
            new SegregationStarted(InmateId, "fighting", "superintendent", Lodged.AddDays(30).AddMinutes(1))).Should().BeEmpty();

    [Fact]
    public void Segregation_before_the_complaint_is_not_a_reprisal() =>
        Findings(Lodged.AddDays(5), Karachi(), new SegregationStarted(InmateId, "fighting", "superintendent", Lodged.AddMinutes(-1)),
            new SegregationEnded(InmateId, "review", "superintendent", Lodged.AddMinutes(-1).AddHours(1)), Complaint(), DecidedAt(Lodged.AddDays(2)))
            .Should().BeEmpty();

    [Fact]
    public void A_transfer_or_a_lost_workshop_place_after_a_complaint_about_staff_is_a_possible_reprisal()
    {
        var findings = Findings(Lodged.AddDays(20), Karachi(), Complaint(), DecidedAt(Lodged.AddDays(2)),
            new InmateWithdrewFromProgramme(InmateId, Guid.NewGuid(), "Behaviour", Lodged.AddDays(3)),
            new InmateTransferred(InmateId, FacilityId, Guid.NewGuid(), "K-2", Lodged.AddDays(4)));
        findings.Select(f => f.Evidence[1].What).Should().Equal("withdrawn from a programme", "transferred");
    }

    [Fact]
    public void A_complaint_not_about_staff_gives_no_reprisal_finding() =>
        Findings(Lodged.AddDays(5), Karachi(), Complaint(aboutStaff: false), DecidedAt(Lodged.AddDays(1)),
            new SegregationStarted(InmateId, "fighting", "superintendent", Lodged.AddDays(2))).Should().BeEmpty();

    [Fact]
    public void Complaint_findings_are_notified_to_the_oversight_body_never_to_the_facility()
    {
        foreach (var code in ComplianceRule.OnComplaints)
            OversightDuty.For(code).Recipient.Should().Be(OversightDuty.OversightComplaintsDesk);
    }
}
