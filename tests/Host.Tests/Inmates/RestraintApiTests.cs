using System.Net;
using System.Text.Json;
using FluentAssertions;
using SecondChance.Host.Tests.Support;
using Xunit;

namespace SecondChance.Host.Tests.Inmates;

public sealed class RestraintApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private readonly Api _api = fixture.CreateApi();
    private Scenario Given => new(_api);

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static object Chains(string at = "2025-03-02T09:00:00+05:00") => new
    {
        instrument = "Chains", reason = "Discipline", details = "Refused to return to barrack", authorisedBy = "Deputy Superintendent",
        startedAt = at, medicalOfficerInformed = false,
    };

    private async Task<List<JsonElement>> FindingsAsync(Guid facility, string axes = "")
    {
        await fixture.ProjectionsCaughtUpAsync();
        var r = await _api.GetAsync($"/oversight/facilities/{facility}/report?from=2025-01-01&to=2025-05-31{axes}");
        r.Status.Should().Be(HttpStatusCode.OK, r.ToString());
        return r.Body.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("ruleCode").GetString() is "prohibited_instrument" or "restraint_as_punishment" or "prolonged_restraint"
                or "restraint_of_woman_in_labour")
            .ToList();
    }

    [Fact]
    public async Task Chains_used_as_discipline_for_five_hours_are_three_findings_in_the_oversight_report_and_on_the_timeline()
    {
        var facility = await Given.FacilityAsync();
        var inmate = await Given.AdmitAsync(facility.Id);

        var applied = await _api.PostAsync($"/inmates/{inmate}/restraints", Chains());
        applied.Status.Should().Be(HttpStatusCode.OK, applied.ToString());
        await Given.Ok($"/inmates/{inmate}/restraints/{applied.Id}/end", new { authorisedBy = "Medical officer", endedAt = "2025-03-02T14:00:00+05:00" });

        var findings = await FindingsAsync(facility.Id);
        findings.Select(f => f.GetProperty("ruleCode").GetString()).Should()
            .BeEquivalentTo("prohibited_instrument", "restraint_as_punishment", "prolonged_restraint");
        findings.Should().OnlyContain(f => f.GetProperty("evidence").GetArrayLength() == 2);
        var timeline = await _api.GetAsync($"/read-models/inmates/{inmate}/timeline");
        timeline.Body.ToString().Should().Contain("Restrained with chains (discipline: Refused to return to barrack)").And.Contain("Restraint ended");
    }

    [Fact]
    public async Task As_of_two_hours_into_the_chains_the_report_has_them_open_and_not_yet_prolonged()
    {
        var facility = await Given.FacilityAsync();
        var inmate = await Given.AdmitAsync(facility.Id);
        var applied = await _api.PostAsync($"/inmates/{inmate}/restraints", Chains());
        await Given.Ok($"/inmates/{inmate}/restraints/{applied.Id}/end", new { authorisedBy = "Medical officer", endedAt = "2025-03-02T14:00:00+05:00" });

        var findings = await FindingsAsync(facility.Id, "&asOf=2025-03-02T06:00:00Z");

        findings.Select(f => f.GetProperty("ruleCode").GetString()).Should().BeEquivalentTo("prohibited_instrument", "restraint_as_punishment");
        findings.Should().OnlyContain(f => f.GetProperty("isOpen").GetBoolean());
    }

    [Fact]
    public async Task A_facility_restraint_limit_of_6_hours_clears_the_5_hour_spell_and_a_limit_of_0_is_400()
    {
        var facility = await Given.FacilityAsync();
        var inmate = await Given.AdmitAsync(facility.Id);
        var applied = await _api.PostAsync($"/inmates/{inmate}/restraints", Chains());
        await Given.Ok($"/inmates/{inmate}/restraints/{applied.Id}/end", new { authorisedBy = "Medical officer", endedAt = "2025-03-02T14:00:00+05:00" });

        (await _api.PutAsync($"/facilities/{facility.Id}/compliance-thresholds",
            new { segregationLimitDays = 15, screeningDeadlineHours = 24, restraintLimitHours = 0 })).ErrorFields.Should().Equal("restraintLimitHours");
        (await _api.PutAsync($"/facilities/{facility.Id}/compliance-thresholds",
            new { segregationLimitDays = 15, screeningDeadlineHours = 24, restraintLimitHours = 6 })).Status.Should().Be(HttpStatusCode.OK);

        (await FindingsAsync(facility.Id)).Select(f => f.GetProperty("ruleCode").GetString()).Should()
            .BeEquivalentTo("prohibited_instrument", "restraint_as_punishment");
    }

    [Fact]
    public async Task A_restraint_with_a_stale_if_match_is_412_and_the_same_idempotency_key_replays_the_first_answer()
    {
        var facility = await Given.FacilityAsync();
        var inmate = await Given.AdmitAsync(facility.Id);
        var before = await fixture.EventCountAsync();

        var stale = await _api.PostAsync($"/inmates/{inmate}/restraints", Chains(), Api.IfMatch(7));
        (await fixture.EventCountAsync()).Should().Be(before);
        var key = Api.IdempotencyKey(Guid.NewGuid().ToString());
        var first = await _api.PostAsync($"/inmates/{inmate}/restraints", Chains(), key, Api.IfMatch(1));
        var replay = await _api.PostAsync($"/inmates/{inmate}/restraints", Chains(), key, Api.IfMatch(1));

        stale.Status.Should().Be(HttpStatusCode.PreconditionFailed, stale.ToString());
        first.Status.Should().Be(HttpStatusCode.OK, first.ToString());
        replay.Id.Should().Be(first.Id);
        replay.Header("Idempotent-Replayed").Should().Be("true");
        (await fixture.EventCountAsync()).Should().Be(before + 1);
    }

    [Fact]
    public async Task A_restraint_without_an_instrument_is_400_and_an_unknown_one_cannot_end_and_nothing_is_written()
    {
        var facility = await Given.FacilityAsync();
        var inmate = await Given.AdmitAsync(facility.Id);
        var before = await fixture.EventCountAsync();

        (await _api.PostAsync($"/inmates/{inmate}/restraints", new { reason = "Discipline", authorisedBy = "DS", medicalOfficerInformed = true }))
            .ErrorFields.Should().Equal("instrument");
        var unknown = await _api.PostAsync($"/inmates/{inmate}/restraints/{Guid.NewGuid()}/end", new { authorisedBy = "DS" });
        unknown.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        unknown.Code.Should().Be("restraint_not_found");
        (await fixture.EventCountAsync()).Should().Be(before);
    }

    [Fact]
    public async Task Handcuffs_during_a_recorded_labour_are_a_finding_and_labour_is_refused_for_a_man()
    {
        var facility = await Given.FacilityAsync();
        var woman = await Given.AdmitAsync(facility.Id, sex: "Female");
        var man = await Given.AdmitAsync(facility.Id);

        await Given.Ok($"/inmates/{woman}/restraints", new
        {
            instrument = "Handcuffs", reason = "EscapeDuringTransfer", authorisedBy = "Escort officer", startedAt = "2025-03-02T09:00:00+05:00",
            medicalOfficerInformed = true,
        });
        await Given.Ok($"/inmates/{woman}/labour", new
        {
            labourStartedAt = "2025-03-02T08:00:00+05:00", endedAt = "2025-03-02T10:00:00+05:00", recordedBy = "Lady Health Visitor",
        });
        (await _api.PostAsync($"/inmates/{man}/labour", new { endedAt = "2025-03-02T10:00:00+05:00", recordedBy = "Doctor" }))
            .Code.Should().Be("labour_only_for_women");

        (await FindingsAsync(facility.Id)).Select(f => f.GetProperty("ruleCode").GetString()).Should().Contain("restraint_of_woman_in_labour");
    }
}
