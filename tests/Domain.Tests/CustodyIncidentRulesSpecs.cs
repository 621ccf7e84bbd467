using FluentAssertions;
using SecondChance.Domain.Compliance;
using SecondChance.Domain.Facilities;
using SecondChance.Domain.Inmates;
using Xunit;

namespace SecondChance.Domain.Tests;

public sealed partial class ComplianceRulesSpecs
{
    private static readonly Guid Incident = Guid.Parse("50000000-0000-0000-0000-000000000001");
    private static readonly DateTimeOffset Died = Admitted.AddDays(20);

    private static Journey Incidented(CustodyIncidentKind kind = CustodyIncidentKind.Death) =>
        Screened().Then(Died, new CustodyIncidentRecorded(InmateId, Incident, kind, Died, "Barrack 4", "Found unresponsive"));

    private static Journey FollowedUp(Journey journey, TimeSpan? reported, TimeSpan? notified, TimeSpan? concluded)
    {
        if (reported is { } r) journey.Then(Died + r, new IncidentReportedToAuthority(InmateId, Incident, "Sessions Judge", "", Died + r));
        if (notified is { } n) journey.Then(Died + n, new IncidentFamilyNotified(InmateId, Incident, "Brother", "Welfare officer", Died + n));
        if (concluded is { } c)
        {
            journey.Then(Died.AddDays(1), new IncidentInvestigationOpened(InmateId, Incident, "Judicial Magistrate", Died.AddDays(1)));
            journey.Then(Died + c, new IncidentInvestigationConcluded(InmateId, Incident, "Natural causes", Died + c));
        }
        return journey;
    }

    private static readonly TimeSpan Day = TimeSpan.FromHours(24);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan HalfYear = TimeSpan.FromDays(180);

    [Fact]
    public void A_death_reported_and_notified_within_exactly_24_hours_and_investigated_within_180_days_is_not_a_finding() =>
        FollowedUp(Incidented(), Day, Day, HalfYear).Rules(Later).Should().BeEmpty();

    [Fact]
    public void A_death_reported_24_hours_and_one_minute_after_is_a_closed_finding_naming_the_death_and_the_report()
    {
        var finding = FollowedUp(Incidented(), Day + Minute, Day, HalfYear).FindingsAsOf(Later).Should().ContainSingle().Subject;
        finding.RuleCode.Should().Be("custody_death_not_reported");
        finding.IsOpen.Should().BeFalse();
        finding.PeriodEnd.Should().Be(Died + Day + Minute);
        finding.Evidence.Select(e => e.What).Should().Equal("death recorded", "reported to Sessions Judge");
    }

    [Fact]
    public void The_family_notified_24_hours_and_one_minute_after_a_serious_injury_is_a_finding() =>
        FollowedUp(Incidented(CustodyIncidentKind.SeriousInjury), Day, Day + Minute, HalfYear).Rules(Later).Should().Equal("family_not_notified");

    [Fact]
    public void An_unreported_death_is_open_only_once_24_hours_have_passed()
    {
        var journey = FollowedUp(Incidented(), null, Day, HalfYear);
        journey.Rules(Died + Day).Should().BeEmpty();
        var finding = journey.FindingsAsOf(Died + Day + Minute).Should().ContainSingle().Subject;
        finding.RuleCode.Should().Be("custody_death_not_reported");
        finding.IsOpen.Should().BeTrue();
    }

    [Fact]
    public void An_investigation_concluded_180_days_and_one_minute_after_the_death_is_a_finding() =>
        FollowedUp(Incidented(), Day, Day, HalfYear + Minute).Rules(Later).Should().Equal("investigation_open");

    [Fact]
    public void An_investigation_never_concluded_is_open_one_minute_after_180_days()
    {
        var journey = FollowedUp(Incidented(CustodyIncidentKind.Disappearance), Day, Day, null);
        journey.Rules(Died + HalfYear).Should().BeEmpty();
        journey.FindingsAsOf(Died + HalfYear + Minute).Should().ContainSingle().Which.RuleCode.Should().Be("investigation_open");
    }

    [Fact]
    public void The_facility_limits_for_reporting_and_notifying_replace_the_defaults()
    {
        var strict = Karachi().Let(f => FacilityState.Evolve(f, new ComplianceThresholdsSet(FacilityId, 15, 24, IncidentReportHours: 6, FamilyNotificationHours: 12)));
        FollowedUp(Incidented(), TimeSpan.FromHours(6), TimeSpan.FromHours(12), HalfYear).Rules(Later, strict).Should().BeEmpty();
        FollowedUp(Incidented(), TimeSpan.FromHours(6) + Minute, TimeSpan.FromHours(12) + Minute, HalfYear).Rules(Later, strict)
            .Should().BeEquivalentTo("custody_death_not_reported", "family_not_notified");
    }

    [Fact]
    public void A_death_ends_an_open_segregation_at_the_death_and_closes_the_finding()
    {
        var start = Admitted.AddDays(1);
        var finding = FollowedUp(Screened().Segregated(start, null)
                .Then(start.AddDays(16), new CustodyIncidentRecorded(InmateId, Incident, CustodyIncidentKind.Death, start.AddDays(16), "Cell 2", "Hanging")),
                null, null, null)
            .FindingsAsOf(start.AddDays(16).AddHours(1)).Should().ContainSingle(f => f.RuleCode == "prolonged_segregation").Subject;
        finding.PeriodEnd.Should().Be(start.AddDays(16));
        finding.IsOpen.Should().BeFalse();
    }
}
