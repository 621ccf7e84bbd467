using FluentAssertions;
using SecondChance.Domain.Compliance;
using SecondChance.Domain.Facilities;
using SecondChance.Domain.Inmates;
using Xunit;

namespace SecondChance.Domain.Tests;

public sealed partial class ComplianceRulesSpecs
{
    private static Journey Mother(int childrenOutside = 2) =>
        new Journey(Sex.Female).Screened(Admitted.AddHours(1), new FemaleEntryScreening(false, false, 0, childrenOutside));

    private static Journey Contact(Journey journey, DateTimeOffset at, FamilyRelation relation = FamilyRelation.Child, ContactMode mode = ContactMode.InPerson) =>
        journey.Then(at, new FamilyContactRecorded(InmateId, Guid.NewGuid(), "Sana", relation, mode, at));

    [Fact]
    public void A_mother_seeing_her_child_exactly_30_days_after_admission_and_30_days_later_is_not_a_finding()
    {
        var first = Admitted.AddDays(30);
        Contact(Contact(Mother(), first), first.AddDays(30)).Rules(first.AddDays(60)).Should().BeEmpty();
    }

    [Fact]
    public void A_first_contact_30_days_and_one_minute_after_admission_is_a_closed_finding_from_admission()
    {
        var first = Admitted.AddDays(30).AddMinutes(1);
        var finding = Contact(Mother(), first).FindingsAsOf(first.AddDays(1)).Should().ContainSingle().Subject;
        finding.RuleCode.Should().Be("mother_without_child_contact");
        finding.PeriodStart.Should().Be(Admitted);
        finding.PeriodEnd.Should().Be(first);
        finding.IsOpen.Should().BeFalse();
        finding.Evidence.Select(e => e.What).Should().Equal("medical screening", "admitted", "InPerson contact with child");
    }

    [Fact]
    public void Without_further_contact_the_finding_opens_one_minute_after_30_days_from_the_last_contact()
    {
        var last = Admitted.AddDays(10);
        var journey = Contact(Mother(), last, mode: ContactMode.Phone);
        journey.Rules(last.AddDays(30)).Should().BeEmpty();
        var finding = journey.FindingsAsOf(last.AddDays(30).AddMinutes(1)).Should().ContainSingle().Subject;
        finding.IsOpen.Should().BeTrue();
        finding.PeriodStart.Should().Be(last);
    }

    [Fact]
    public void Contact_with_a_spouse_or_a_refused_visit_by_a_child_does_not_count_and_the_refusal_is_evidence()
    {
        var journey = Contact(Mother(), Admitted.AddDays(10), FamilyRelation.Spouse)
            .Then(Admitted.AddDays(20), new FamilyVisitRefused(InmateId, "Sana", FamilyRelation.Child, "Visiting day cancelled", "Warder", Admitted.AddDays(20)));
        var finding = journey.FindingsAsOf(Admitted.AddDays(31)).Should().ContainSingle().Subject;
        finding.Evidence.Select(e => e.What).Should().Contain("visit by child refused");
    }

    [Fact]
    public void A_woman_whose_screening_recorded_no_children_outside_is_not_judged() =>
        Mother(childrenOutside: 0).Rules(Admitted.AddDays(60)).Should().BeEmpty();

    [Fact]
    public void The_facility_child_contact_limit_replaces_the_default()
    {
        var strict = Karachi().Let(f => FacilityState.Evolve(f, new ComplianceThresholdsSet(FacilityId, 15, 24, ChildContactDays: 14)));
        Mother().Rules(Admitted.AddDays(14), strict).Should().BeEmpty();
        Mother().Rules(Admitted.AddDays(14).AddMinutes(1), strict).Should().Equal("mother_without_child_contact");
    }

    [Fact]
    public void After_release_the_gap_ends_at_release_and_the_finding_is_closed()
    {
        var release = Admitted.AddDays(40);
        var finding = Mother().Then(release, new InmateReleased(InmateId, FacilityId, release, "bail"))
            .FindingsAsOf(Later).Should().ContainSingle(f => f.RuleCode == "mother_without_child_contact").Subject;
        finding.PeriodEnd.Should().Be(release);
        finding.IsOpen.Should().BeFalse();
    }
}
