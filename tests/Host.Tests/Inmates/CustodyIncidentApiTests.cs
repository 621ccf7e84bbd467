using System.Net;
using System.Text.Json;
using FluentAssertions;
using SecondChance.Host.Tests.Support;
using Xunit;

namespace SecondChance.Host.Tests.Inmates;

public sealed class CustodyIncidentApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private readonly Api _api = fixture.CreateApi();
    private Scenario Given => new(_api);

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private const string Died = "2024-11-01T06:00:00+05:00";

    private async Task<(Scenario.Facility Facility, Guid Inmate)> AdmittedAsync()
    {
        var facility = await Given.FacilityAsync();
        var body = JsonSerializer.SerializeToNode(Scenario.Admission(facility.Id), Api.Json)!;
        body["admittedAt"] = "2024-10-01T10:00:00+05:00";
        return (facility, (await Given.Created("/inmates", body)).Id);
    }

    private static object Death(string kind = "Death", string at = Died) =>
        new { kind, occurredAt = at, place = "Barrack 4", circumstances = "Found unresponsive at morning roll call" };

    private async Task<List<string?>> RulesAsync(Guid facility)
    {
        await fixture.ProjectionsCaughtUpAsync();
        var r = await _api.GetAsync($"/oversight/facilities/{facility}/report?from=2024-10-01&to=2025-05-31");
        r.Status.Should().Be(HttpStatusCode.OK, r.ToString());
        return r.Body.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleCode").GetString())
            .Where(c => c is "custody_death_not_reported" or "family_not_notified" or "investigation_open").ToList();
    }

    [Fact]
    public async Task A_death_reported_and_notified_late_and_never_investigated_gives_the_three_findings_and_ends_custody()
    {
        var (facility, inmate) = await AdmittedAsync();

        var incident = (await _api.PostAsync($"/inmates/{inmate}/custody-incidents", Death())).Also(r => r.Status.Should().Be(HttpStatusCode.OK, r.ToString())).Id;
        await Given.Ok($"/inmates/{inmate}/custody-incidents/{incident}/report",
            new { authority = "Sessions Judge, Karachi East", reference = "SJ-17/2025", reportedAt = "2024-11-02T06:01:00+05:00" });
        await Given.Ok($"/inmates/{inmate}/custody-incidents/{incident}/family-notification",
            new { notifiedPerson = "Brother, Kamran", notifiedBy = "Welfare officer", notifiedAt = "2024-11-03T10:00:00+05:00" });

        (await RulesAsync(facility.Id)).Should().BeEquivalentTo("custody_death_not_reported", "family_not_notified", "investigation_open");
        var later = await _api.PostAsync($"/inmates/{inmate}/housing", new { wardId = facility.MaleWard });
        later.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        later.Code.Should().Be("inmate_died");
        var timeline = await _api.GetAsync($"/read-models/inmates/{inmate}/timeline");
        timeline.Body.ToString().Should().Contain("Death in custody at Barrack 4").And.Contain("Incident reported to Sessions Judge, Karachi East");
    }

    [Fact]
    public async Task An_investigation_opened_and_concluded_within_180_days_is_no_finding_and_concluding_twice_is_refused()
    {
        var (facility, inmate) = await AdmittedAsync();
        var incident = (await _api.PostAsync($"/inmates/{inmate}/custody-incidents", Death("SeriousInjury"))).Id;

        await Given.Ok($"/inmates/{inmate}/custody-incidents/{incident}/investigation",
            new { investigator = "Judicial Magistrate", openedAt = "2024-11-02T10:00:00+05:00" });
        await Given.Ok($"/inmates/{inmate}/custody-incidents/{incident}/investigation/conclusion",
            new { outcome = "Fall from bunk; no fault", concludedAt = "2025-04-29T10:00:00+05:00" });
        var again = await _api.PostAsync($"/inmates/{inmate}/custody-incidents/{incident}/investigation/conclusion",
            new { outcome = "Again", concludedAt = "2025-04-30T10:00:00+05:00" });

        again.Code.Should().Be("incident_step_already_recorded");
        (await RulesAsync(facility.Id)).Should().NotContain("investigation_open");
    }

    [Fact]
    public async Task Bad_incident_input_is_refused_and_writes_nothing()
    {
        var (facility, inmate) = await AdmittedAsync();
        var incident = (await _api.PostAsync($"/inmates/{inmate}/custody-incidents", Death("Disappearance"))).Id;
        var before = await fixture.EventCountAsync();

        (await _api.PostAsync($"/inmates/{inmate}/custody-incidents", new { kind = "Death", place = "Yard", circumstances = "?" }))
            .ErrorFields.Should().Equal("occurredAt");
        (await _api.PostAsync($"/inmates/{inmate}/custody-incidents/{Guid.NewGuid()}/family-notification",
            new { notifiedPerson = "Mother", notifiedBy = "Welfare officer" })).Code.Should().Be("incident_not_found");
        (await _api.PostAsync($"/inmates/{inmate}/custody-incidents/{incident}/report",
            new { authority = "Sessions Judge", reportedAt = "2024-11-01T05:59:00+05:00" })).Code.Should().Be("before_incident");
        (await _api.PostAsync($"/inmates/{inmate}/custody-incidents/{incident}/investigation", new { openedAt = Died }))
            .ErrorFields.Should().Equal("investigator");
        (await _api.PostAsync($"/inmates/{inmate}/custody-incidents/{incident}/investigation/conclusion", new { outcome = "Found" }))
            .Code.Should().Be("investigation_not_opened");
        (await fixture.EventCountAsync()).Should().Be(before);
    }
}

internal static class AlsoExtension
{
    public static T Also<T>(this T value, Action<T> act)
    {
        act(value);
        return value;
    }
}
