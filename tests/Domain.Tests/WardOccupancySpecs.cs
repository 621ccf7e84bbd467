using FluentAssertions;
using SecondChance.Domain.Compliance;
using SecondChance.Domain.Facilities;
using SecondChance.Domain.Inmates;
using SecondChance.Domain.Tests.Support;
using Xunit;
using static SecondChance.Domain.Tests.Support.Spec;

namespace SecondChance.Domain.Tests;

/// <summary>ward_over_capacity at its edges, and certifying a ward's capacity.</summary>
public sealed class WardOccupancySpecs
{
    private static readonly Guid FacilityId = Guid.Parse("10000000-0000-0000-0000-000000000001");
    private static readonly Guid Ward = Guid.Parse("30000000-0000-0000-0000-000000000001");
    private static readonly Guid OtherWard = Guid.Parse("30000000-0000-0000-0000-000000000002");
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(5));

    private static FacilityState Karachi(params object[] more) =>
        new object[]
        {
            new FacilityRegistered(FacilityId, "Central Jail Karachi", "CJK", "Asia/Karachi", false),
            new WardAdded(FacilityId, Ward, "Barrack 3", WardCategory.AdultMale, WardDesignation.Mixed),
            new WardAdded(FacilityId, OtherWard, "Barrack 4", WardCategory.AdultMale, WardDesignation.Mixed),
            new WardCapacityCertified(FacilityId, Ward, 2, "Inspector General", T0.AddDays(-30)),
        }.Concat(more).Aggregate(FacilityState.Initial, FacilityState.Evolve);

    private static InmateComplianceFacts Housed(int n, DateTimeOffset at, DateTimeOffset? released = null, DateTimeOffset? movedAt = null)
    {
        var id = Guid.Parse($"20000000-0000-0000-0000-{n:D12}");
        var events = new List<object>
        {
            new InmateAdmitted(id, FacilityId, $"K-{n}", "Test Person", "12345-1234567-1", Sex.Male, new DateOnly(1990, 1, 1), LegalStatus.Convicted,
                "Sessions Court", at.AddDays(-1), false),
            new InmateHoused(id, FacilityId, Ward, WardCategory.AdultMale, null, at),
        };
        if (movedAt is { } m) events.Add(new InmateHoused(id, FacilityId, OtherWard, WardCategory.AdultMale, null, m));
        if (released is { } r) events.Add(new InmateReleased(id, FacilityId, r, "Bail granted"));
        return events.Select((e, i) => new RecordedEvent($"inmate-{n}", i + 1, EffectiveTime.Of(e) ?? at, e))
            .Aggregate(InmateComplianceFacts.Initial, InmateComplianceFacts.Evolve);
    }

    private static IReadOnlyList<ComplianceFinding> Findings(DateTimeOffset asOf, FacilityState facility, params InmateComplianceFacts[] facts) =>
        WardOccupancy.OverCapacity(facility, facts, asOf);

    private static InmateComplianceFacts[] ThreeFrom(DateTimeOffset third, DateTimeOffset? thirdLeaves = null) =>
        [Housed(1, T0.AddDays(-10)), Housed(2, T0.AddDays(-10)), Housed(3, third, released: thirdLeaves)];

    [Fact]
    public void A_ward_over_capacity_for_exactly_seven_days_is_no_finding() =>
        Findings(T0.AddDays(7), Karachi(), ThreeFrom(T0)).Should().BeEmpty();

    [Fact]
    public void A_ward_over_capacity_for_seven_days_and_a_minute_is_an_open_finding_naming_ward_peak_and_days()
    {
        var finding = Findings(T0.AddDays(7).AddMinutes(1), Karachi(), ThreeFrom(T0)).Should().ContainSingle().Subject;
        finding.RuleCode.Should().Be("ward_over_capacity");
        finding.WardId.Should().Be(Ward);
        finding.IsOpen.Should().BeTrue();
        finding.PeriodStart.Should().Be(T0);
        finding.Detail.Should().Contain("Barrack 3").And.Contain("up to 3").And.Contain("capacity of 2").And.Contain("7 days");
        finding.Evidence.Should().ContainSingle().Which.StreamId.Should().Be("inmate-3");
    }

    [Fact]
    public void A_release_one_minute_after_seven_days_closes_the_finding_and_one_minute_before_leaves_none()
    {
        Findings(T0.AddDays(20), Karachi(), ThreeFrom(T0, T0.AddDays(7).AddMinutes(1))).Should().ContainSingle().Which.IsOpen.Should().BeFalse();
        Findings(T0.AddDays(20), Karachi(), ThreeFrom(T0, T0.AddDays(7).AddMinutes(-1))).Should().BeEmpty();
    }

    [Fact]
    public void A_move_to_another_ward_ends_the_stay()
    {
        InmateComplianceFacts[] facts = [Housed(1, T0.AddDays(-10)), Housed(2, T0.AddDays(-10)), Housed(3, T0, movedAt: T0.AddDays(3))];
        Findings(T0.AddDays(20), Karachi(), facts).Should().BeEmpty();
    }

    [Fact]
    public void A_raised_capacity_ends_the_crowding_and_a_lowered_one_starts_it()
    {
        Findings(T0.AddDays(20), Karachi(new WardCapacityCertified(FacilityId, Ward, 3, "Inspector General", T0.AddDays(2))), ThreeFrom(T0))
            .Should().BeEmpty();
        var lowered = Karachi(new WardCapacityCertified(FacilityId, Ward, 1, "Inspector General", T0.AddDays(-9)));
        Findings(T0, lowered, Housed(1, T0.AddDays(-10)), Housed(2, T0.AddDays(-10))).Should().ContainSingle()
            .Which.PeriodStart.Should().Be(T0.AddDays(-9));
    }

    [Fact]
    public void A_ward_without_a_certified_capacity_is_never_over_it() =>
        Findings(T0.AddDays(30), Karachi(), [.. ThreeFrom(T0).Select(f => f with
        {
            Housing = [.. f.Housing.Select(h => h with { WardId = OtherWard })],
        })]).Should().BeEmpty();

    [Fact]
    public void The_facility_sets_its_own_overcrowding_limit() =>
        Findings(T0.AddDays(3).AddMinutes(1), Karachi(new ComplianceThresholdsSet(FacilityId, 15, 24, OvercrowdingDays: 3)), ThreeFrom(T0)).Should().ContainSingle();

    [Fact]
    public void A_capacity_is_certified_from_an_instant() =>
        new Given<FacilityState>(Karachi())
            .When(s => FacilityDecider.Decide(s, new CertifyWardCapacity(FacilityId, Ward, 40, "Inspector General", T0), T0.AddDays(1)))
            .ThenEmits(new WardCapacityCertified(FacilityId, Ward, 40, "Inspector General", T0));

    [Fact]
    public void A_capacity_must_be_above_zero() =>
        new Given<FacilityState>(Karachi())
            .When(s => FacilityDecider.Decide(s, new CertifyWardCapacity(FacilityId, Ward, 0, "Inspector General", null), T0))
            .ThenRefused(RefusalCodes.InvalidCapacity);

    [Fact]
    public void A_capacity_is_certified_only_for_a_ward_of_the_facility() =>
        new Given<FacilityState>(Karachi())
            .When(s => FacilityDecider.Decide(s, new CertifyWardCapacity(FacilityId, Guid.NewGuid(), 10, "Inspector General", null), T0))
            .ThenRefused(RefusalCodes.WardNotFound);
}
