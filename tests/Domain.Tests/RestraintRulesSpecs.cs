using FluentAssertions;
using SecondChance.Domain.Compliance;
using SecondChance.Domain.Facilities;
using SecondChance.Domain.Inmates;
using Xunit;

namespace SecondChance.Domain.Tests;

public sealed partial class ComplianceRulesSpecs
{
    private static readonly Guid Cuffs = Guid.Parse("40000000-0000-0000-0000-000000000001");
    private static readonly DateTimeOffset Restrained = Admitted.AddDays(5);

    private static Journey Restraint(DateTimeOffset start, DateTimeOffset? end, RestraintInstrument instrument = RestraintInstrument.Handcuffs,
        RestraintReason reason = RestraintReason.EscapeDuringTransfer, Journey? journey = null)
    {
        var j = (journey ?? Screened()).Then(start, new RestraintApplied(InmateId, Cuffs, instrument, reason, "", "Deputy Superintendent", start, true));
        return end is { } e ? j.Then(e, new RestraintEnded(InmateId, Cuffs, "Deputy Superintendent", e)) : j;
    }

    [Fact]
    public void Handcuffs_for_exactly_4_hours_are_not_a_finding() =>
        Restraint(Restrained, Restrained.AddHours(4)).Rules(Later).Should().BeEmpty();

    [Fact]
    public void Handcuffs_for_4_hours_and_one_minute_are_a_prolonged_restraint_naming_both_events()
    {
        var finding = Restraint(Restrained, Restrained.AddHours(4).AddMinutes(1)).FindingsAsOf(Later).Should().ContainSingle().Subject;
        finding.RuleCode.Should().Be("prolonged_restraint");
        finding.PeriodStart.Should().Be(Restrained);
        finding.PeriodEnd.Should().Be(Restrained.AddHours(4).AddMinutes(1));
        finding.IsOpen.Should().BeFalse();
        finding.Evidence.Select(e => e.Version).Should().Equal(3, 4);
    }

    [Fact]
    public void An_ongoing_restraint_becomes_an_open_finding_one_minute_past_the_limit()
    {
        var journey = Restraint(Restrained, null);
        journey.Rules(Restrained.AddHours(4)).Should().BeEmpty();
        journey.FindingsAsOf(Restrained.AddHours(4).AddMinutes(1)).Should().ContainSingle().Which.IsOpen.Should().BeTrue();
    }

    [Fact]
    public void The_facility_restraint_limit_replaces_the_default()
    {
        var strict = Karachi().Let(f => FacilityState.Evolve(f, new ComplianceThresholdsSet(FacilityId, 15, 24, RestraintLimitHours: 2)));
        Restraint(Restrained, Restrained.AddHours(2)).Rules(Later, strict).Should().BeEmpty();
        Restraint(Restrained, Restrained.AddHours(2).AddMinutes(1)).Rules(Later, strict).Should().Equal("prolonged_restraint");
    }

    [Theory]
    [InlineData(RestraintInstrument.Chains)]
    [InlineData(RestraintInstrument.LegIrons)]
    [InlineData(RestraintInstrument.Fetters)]
    public void Chains_irons_and_fetters_are_a_finding_however_short(RestraintInstrument instrument) =>
        Restraint(Restrained, Restrained.AddMinutes(10), instrument).Rules(Later).Should().Equal("prohibited_instrument");

    [Theory]
    [InlineData(RestraintInstrument.Handcuffs)]
    [InlineData(RestraintInstrument.BodyBelt)]
    [InlineData(RestraintInstrument.Other)]
    public void Other_instruments_used_briefly_for_an_allowed_reason_are_not_a_finding(RestraintInstrument instrument) =>
        Restraint(Restrained, Restrained.AddMinutes(10), instrument).Rules(Later).Should().BeEmpty();

    [Fact]
    public void A_restraint_recorded_as_discipline_is_restraint_as_punishment()
    {
        var finding = Restraint(Restrained, Restrained.AddMinutes(30), reason: RestraintReason.Discipline).FindingsAsOf(Later)
            .Should().ContainSingle().Subject;
        finding.RuleCode.Should().Be("restraint_as_punishment");
        finding.Evidence.Should().HaveCount(2);
    }

    [Fact]
    public void A_restraint_is_judged_as_of_any_instant_before_it_was_recorded_it_is_not_there()
    {
        var journey = Restraint(Restrained, Restrained.AddMinutes(30), RestraintInstrument.Chains);
        journey.Rules(Restrained.AddMinutes(-1)).Should().BeEmpty();
        journey.FindingsAsOf(Restrained.AddMinutes(10)).Should().ContainSingle().Which.IsOpen.Should().BeTrue();
    }

    private static Journey Woman() => new Journey(Sex.Female).Screened(Admitted.AddHours(1), new FemaleEntryScreening(true, false, 0));

    private static Journey Labour(Journey journey, DateTimeOffset from, DateTimeOffset to) =>
        journey.Then(to, new LabourRecorded(InmateId, from, to, "Lady Health Visitor"));

    [Fact]
    public void Handcuffs_ending_one_minute_before_labour_are_not_a_finding()
    {
        var labour = Restrained.AddHours(3);
        Labour(Restraint(Restrained, labour.AddMinutes(-1), journey: Woman()), labour, labour.AddHours(6)).Rules(Later).Should().BeEmpty();
    }

    [Fact]
    public void Handcuffs_starting_one_minute_after_delivery_are_not_a_finding()
    {
        var labour = Restrained.AddHours(-8);
        Restraint(Restrained, Restrained.AddHours(1), journey: Labour(Woman(), labour, Restrained.AddMinutes(-1))).Rules(Later).Should().BeEmpty();
    }

    [Fact]
    public void Handcuffs_overlapping_labour_are_a_finding_for_the_overlap_naming_the_labour_and_the_restraint()
    {
        var labour = Restrained.AddHours(1);
        var finding = Labour(Restraint(Restrained, Restrained.AddHours(2), journey: Woman()), labour, labour.AddHours(6))
            .FindingsAsOf(Later).Should().ContainSingle().Subject;
        finding.RuleCode.Should().Be("restraint_of_woman_in_labour");
        finding.PeriodStart.Should().Be(labour);
        finding.PeriodEnd.Should().Be(Restrained.AddHours(2));
        finding.Evidence.Select(e => e.What).Should().Equal("labour recorded", "Handcuffs applied (EscapeDuringTransfer)", "restraint ended");
    }

    [Fact]
    public void Handcuffs_at_the_instant_of_a_delivery_are_a_finding()
    {
        var delivery = Restrained.AddMinutes(30);
        Labour(Restraint(Restrained, delivery, journey: Woman()), delivery, delivery).Rules(Later).Should().Equal("restraint_of_woman_in_labour");
    }
}
