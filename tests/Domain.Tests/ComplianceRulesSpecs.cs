using FluentAssertions;
using SecondChance.Domain.Compliance;
using SecondChance.Domain.Facilities;
using SecondChance.Domain.Inmates;
using SecondChance.Domain.Wages;
using Xunit;

namespace SecondChance.Domain.Tests;

public sealed partial class ComplianceRulesSpecs
{
    private static readonly Guid FacilityId = Guid.Parse("10000000-0000-0000-0000-000000000001");
    private static readonly Guid InmateId = Guid.Parse("20000000-0000-0000-0000-000000000002");
    private static readonly Guid AdultMaleWard = Guid.Parse("30000000-0000-0000-0000-000000000001");
    private static readonly Guid FemaleWard = Guid.Parse("30000000-0000-0000-0000-000000000002");
    private static readonly Guid ConvictedWard = Guid.Parse("30000000-0000-0000-0000-000000000003");
    private static readonly TimeSpan Pkt = TimeSpan.FromHours(5);
    private static readonly DateTimeOffset Admitted = new(2026, 3, 1, 23, 50, 0, Pkt);

    private static FacilityState Karachi(bool separates = false) => new object[]
    {
        new FacilityRegistered(FacilityId, "Central Jail Karachi", "CJK", "Asia/Karachi", separates),
        new WardAdded(FacilityId, AdultMaleWard, "Ward 1", WardCategory.AdultMale, WardDesignation.Mixed),
        new WardAdded(FacilityId, FemaleWard, "Women's ward", WardCategory.AdultFemale, WardDesignation.Mixed),
        new WardAdded(FacilityId, ConvictedWard, "Ward 7", WardCategory.AdultMale, WardDesignation.Convicted),
    }.Aggregate(FacilityState.Initial, FacilityState.Evolve);

    private sealed class Journey(Sex sex = Sex.Male, DateOnly? dateOfBirth = null, LegalStatus status = LegalStatus.Convicted)
    {
        private readonly List<RecordedEvent> _events =
            [new("inmate-1", 1, Admitted, new InmateAdmitted(InmateId, FacilityId, "K-1", "Test Person", "12345-1234567-1", sex,
                dateOfBirth ?? new DateOnly(1990, 1, 1), status, "Sessions Court", Admitted, false))];

        public Journey Then(DateTimeOffset at, object data)
        {
            _events.Add(new("inmate-1", _events.Count + 1, at, data));
            return this;
        }

        public Journey Screened(DateTimeOffset at, FemaleEntryScreening? female = null) =>
            Then(at, new MedicalScreeningRecorded(InmateId, at, "Dr Ayesha", "fit", female));

        public Journey Segregated(DateTimeOffset from, DateTimeOffset? to)
        {
            Then(from, new SegregationStarted(InmateId, "fighting", "superintendent", from));
            return to is { } end ? Then(end, new SegregationEnded(InmateId, "review", "superintendent", end)) : this;
        }

        public IReadOnlyList<ComplianceFinding> FindingsAsOf(DateTimeOffset asOf, FacilityState? facility = null)
        {
            var facts = _events.Where(e => e.RecordedAt <= asOf).Aggregate(InmateComplianceFacts.Initial, InmateComplianceFacts.Evolve);
            var karachi = facility ?? Karachi();
            // these journeys are of inmates mostly convicted and without a rehabilitation plan: plan_missing has its own
            // specs (RehabilitationPlanSpecs) and would be in every list here
            return ComplianceRules.Evaluate(facts, id => id == FacilityId ? karachi : null, asOf).Where(f => f.RuleCode != "plan_missing").ToList();
        }

        public IReadOnlyList<string> Rules(DateTimeOffset asOf, FacilityState? facility = null) =>
            FindingsAsOf(asOf, facility).Select(f => f.RuleCode).ToList();
    }

    private static Journey Screened() => new Journey().Screened(Admitted.AddHours(2));
    private static readonly DateTimeOffset Later = Admitted.AddYears(1);

    [Fact]
    public void Segregation_of_exactly_15_days_is_not_a_finding()
    {
        var start = Admitted.AddDays(3);
        Screened().Segregated(start, start.AddDays(15)).Rules(Later).Should().BeEmpty();
    }

    [Fact]
    public void Segregation_of_15_days_and_one_minute_is_a_finding_with_its_start_and_end_events()
    {
        var start = Admitted.AddDays(3);
        var finding = Screened().Segregated(start, start.AddDays(15).AddMinutes(1)).FindingsAsOf(Later).Should().ContainSingle().Subject;
        finding.RuleCode.Should().Be("prolonged_segregation");
        finding.PeriodStart.Should().Be(start);
        finding.IsOpen.Should().BeFalse();
        finding.Evidence.Select(e => e.Version).Should().Equal(3, 4);
    }

    [Fact]
    public void Evidence_says_when_the_segregation_happened_beside_when_it_was_recorded_days_later()
    {
        var start = Admitted.AddDays(3);
        var end = start.AddDays(16);
        var recorded = end.AddDays(7);
        var finding = Screened()
            .Then(recorded, new SegregationStarted(InmateId, "fighting", "superintendent", start))
            .Then(recorded.AddMinutes(1), new SegregationEnded(InmateId, "review", "superintendent", end))
            .FindingsAsOf(Later).Should().ContainSingle().Subject;

        finding.Evidence.Select(e => e.OccurredAt).Should().Equal(start, end);
        finding.Evidence.Select(e => e.RecordedAt).Should().Equal(recorded, recorded.AddMinutes(1));
    }

    [Fact]
    public void Two_spells_23_hours_apart_count_as_one()
    {
        var start = Admitted.AddDays(3);
        var finding = Screened().Segregated(start, start.AddDays(8)).Segregated(start.AddDays(8).AddHours(23), start.AddDays(16).AddHours(23))
            .FindingsAsOf(Later).Should().ContainSingle().Subject;
        finding.RuleCode.Should().Be("prolonged_segregation");
        finding.Evidence.Should().HaveCount(4);
    }

    [Fact]
    public void Two_spells_25_hours_apart_are_judged_separately()
    {
        var start = Admitted.AddDays(3);
        Screened().Segregated(start, start.AddDays(8)).Segregated(start.AddDays(8).AddHours(25), start.AddDays(17))
            .Rules(Later).Should().BeEmpty();
    }

    [Fact]
    public void An_ongoing_segregation_becomes_an_open_finding_once_it_passes_the_limit()
    {
        var start = Admitted.AddDays(3);
        var journey = Screened().Segregated(start, null);
        journey.Rules(start.AddDays(15)).Should().BeEmpty();
        journey.FindingsAsOf(start.AddDays(16)).Should().ContainSingle().Which.IsOpen.Should().BeTrue();
    }

    [Fact]
    public void The_facility_segregation_limit_replaces_the_default()
    {
        var start = Admitted.AddDays(3);
        var strict = Karachi().Let(f => FacilityState.Evolve(f, new ComplianceThresholdsSet(FacilityId, 10, 24)));
        Screened().Segregated(start, start.AddDays(11)).Rules(Later, strict).Should().Equal("prolonged_segregation");
    }

    [Fact]
    public void A_juvenile_in_an_adult_ward_is_a_finding_that_ends_when_he_turns_18()
    {
        var journey = new Journey(dateOfBirth: new DateOnly(2008, 6, 10)).Screened(Admitted.AddHours(1))
            .Then(Admitted.AddHours(2), new InmateHoused(InmateId, FacilityId, AdultMaleWard, WardCategory.AdultMale, "no juvenile ward"));
        var finding = journey.FindingsAsOf(Later).Should().ContainSingle().Subject;
        finding.RuleCode.Should().Be("juvenile_with_adults");
        finding.PeriodEnd.Should().Be(new DateTimeOffset(2026, 6, 10, 0, 0, 0, Pkt), "adulthood starts at local midnight in Karachi");
        finding.IsOpen.Should().BeFalse();
        journey.FindingsAsOf(new DateTimeOffset(2026, 6, 9, 23, 0, 0, Pkt)).Single().IsOpen.Should().BeTrue();
    }

    [Fact]
    public void Segregating_a_juvenile_is_a_finding_however_short()
    {
        var start = Admitted.AddDays(3);
        new Journey(dateOfBirth: new DateOnly(2010, 1, 1)).Screened(Admitted.AddHours(1)).Segregated(start, start.AddHours(5))
            .Rules(Later).Should().Equal("segregation_of_protected_person");
    }

    [Fact]
    public void Segregating_a_pregnant_woman_is_a_finding()
    {
        var start = Admitted.AddDays(3);
        new Journey(Sex.Female).Screened(Admitted.AddHours(1), new FemaleEntryScreening(true, false, 0))
            .Then(Admitted.AddHours(2), new InmateHoused(InmateId, FacilityId, FemaleWard, WardCategory.AdultFemale, null))
            .Segregated(start, start.AddDays(1))
            .FindingsAsOf(Later).Should().ContainSingle().Which.Detail.Should().Contain("pregnant");
    }

    [Fact]
    public void A_woman_in_a_mens_ward_is_a_finding()
    {
        new Journey(Sex.Female).Screened(Admitted.AddHours(1), new FemaleEntryScreening(false, false, 0))
            .Then(Admitted.AddHours(2), new InmateHoused(InmateId, FacilityId, AdultMaleWard, WardCategory.AdultMale, null))
            .Rules(Later).Should().Equal("sexes_not_separated");
    }

    [Fact]
    public void An_untried_inmate_in_a_convicted_ward_is_a_finding_until_conviction()
    {
        var convictedAt = Admitted.AddDays(40);
        var journey = new Journey(status: LegalStatus.Remand).Screened(Admitted.AddHours(1))
            .Then(Admitted.AddHours(2), new InmateHoused(InmateId, FacilityId, ConvictedWard, WardCategory.AdultMale, null))
            .Then(convictedAt, new LegalStatusChanged(InmateId, LegalStatus.Remand, LegalStatus.Convicted, convictedAt, "judgment"));
        var finding = journey.FindingsAsOf(Later, Karachi(separates: true)).Should().ContainSingle().Subject;
        finding.RuleCode.Should().Be("untried_with_convicted");
        finding.PeriodEnd.Should().Be(convictedAt);
        journey.Rules(Later, Karachi(separates: false)).Should().BeEmpty();
    }

    [Fact]
    public void Screening_one_minute_before_the_deadline_after_a_late_evening_admission_is_in_time()
    {
        new Journey().Screened(new DateTimeOffset(2026, 3, 2, 23, 49, 0, Pkt)).Rules(Later).Should().BeEmpty();
    }

    [Fact]
    public void Screening_one_minute_after_the_deadline_is_a_closed_finding_dated_from_admission()
    {
        var finding = new Journey().Screened(new DateTimeOffset(2026, 3, 2, 23, 51, 0, Pkt)).FindingsAsOf(Later).Should().ContainSingle().Subject;
        finding.RuleCode.Should().Be("screening_missed");
        finding.PeriodStart.Should().Be(Admitted);
        Karachi().LocalDate(finding.PeriodStart).Should().Be(new DateOnly(2026, 3, 1), "the admission date is local to the facility");
        finding.IsOpen.Should().BeFalse();
    }

    [Fact]
    public void Missing_screening_is_open_only_after_the_deadline_passes()
    {
        var journey = new Journey();
        journey.Rules(Admitted.AddHours(23)).Should().BeEmpty();
        journey.FindingsAsOf(Admitted.AddHours(25)).Should().ContainSingle().Which.IsOpen.Should().BeTrue();
    }

    [Fact]
    public void A_woman_needs_the_entry_health_screening_not_just_any_screening()
    {
        new Journey(Sex.Female).Screened(Admitted.AddHours(1))
            .Then(Admitted.AddHours(2), new InmateHoused(InmateId, FacilityId, FemaleWard, WardCategory.AdultFemale, null))
            .Rules(Later).Should().Equal("screening_missed");
    }

    [Fact]
    public void A_credit_without_a_savings_part_and_a_release_without_payout_are_findings()
    {
        var at = Admitted.AddDays(30);
        Screened()
            .Then(at, new WageCredited(InmateId, Guid.NewGuid(), WageKind.PieceWork, 10_000, 10_000, 0, 0, "PKR", "stitching", at))
            .Then(at.AddDays(1), new WageCredited(InmateId, Guid.NewGuid(), WageKind.PieceWork, 10_000, 7_000, 3_000, 0, "PKR", "stitching", at.AddDays(1)))
            .Then(at.AddDays(60), new InmateReleased(InmateId, FacilityId, at.AddDays(60), "sentence served"))
            .Rules(Later).Should().BeEquivalentTo("savings_part_missing", "savings_not_paid_at_release");
    }

    [Fact]
    public void Savings_findings_state_the_amounts_in_rupees()
    {
        var at = Admitted.AddDays(30);
        var details = Screened()
            .Then(at, new WageCredited(InmateId, Guid.NewGuid(), WageKind.PieceWork, 162_500, 162_500, 0, 0, "PKR", "stitching", at))
            .Then(at.AddDays(1), new WageCredited(InmateId, Guid.NewGuid(), WageKind.PieceWork, 1_000_050, 700_050, 300_000, 0, "PKR", "stitching", at.AddDays(1)))
            .Then(at.AddDays(60), new InmateReleased(InmateId, FacilityId, at.AddDays(60), "sentence served"))
            .FindingsAsOf(Later).ToDictionary(f => f.RuleCode, f => f.Detail);

        details["savings_part_missing"].Should().Be("a credit of PKR 1,625.00 kept nothing as savings");
        details["savings_not_paid_at_release"].Should().Be("released with PKR 3,000.00 of savings not paid out");
    }

    [Fact]
    public void A_release_with_the_savings_paid_out_is_not_a_finding()
    {
        var at = Admitted.AddDays(30);
        Screened()
            .Then(at, new WageCredited(InmateId, Guid.NewGuid(), WageKind.PieceWork, 10_000, 7_000, 3_000, 0, "PKR", "stitching", at))
            .Then(at.AddDays(60), new ReleasePayoutMade(InmateId, Guid.NewGuid(), 7_000, 3_000, "PKR", at.AddDays(60)))
            .Then(at.AddDays(60), new InmateReleased(InmateId, FacilityId, at.AddDays(60), "sentence served"))
            .Rules(Later).Should().BeEmpty();
    }

    [Theory]
    [InlineData(89, false)]
    [InlineData(91, true)]
    public void A_woman_released_needs_a_mentoring_contact_in_the_90_days_before(int daysBefore, bool finding)
    {
        var release = Admitted.AddDays(200);
        var contact = release.AddDays(-daysBefore);
        var rules = new Journey(Sex.Female).Screened(Admitted.AddHours(1), new FemaleEntryScreening(false, false, 0))
            .Then(Admitted.AddHours(2), new InmateHoused(InmateId, FacilityId, FemaleWard, WardCategory.AdultFemale, null))
            .Then(contact, new MentoringContactRecorded(InmateId, Guid.NewGuid(), Guid.NewGuid(), contact, ContactMode.InPerson, ReleasePhase.BeforeRelease, "plans"))
            .Then(release, new InmateReleased(InmateId, FacilityId, release, "bail"))
            .Rules(Later);
        if (finding) rules.Should().Equal("woman_released_without_mentoring");
        else rules.Should().BeEmpty();
    }
}

internal static class LetExtension
{
    public static TOut Let<TIn, TOut>(this TIn value, Func<TIn, TOut> f) => f(value);
}
