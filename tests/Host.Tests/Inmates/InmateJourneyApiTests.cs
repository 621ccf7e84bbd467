using System.Net;
using FluentAssertions;
using SecondChance.Host.Tests.Support;
using Xunit;

namespace SecondChance.Host.Tests.Inmates;

/// <summary>Release, corrections, the inmate list, and the cross-cutting rules on inmate commands.</summary>
public sealed class InmateJourneyApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private readonly Api _api = fixture.CreateApi();
    private Scenario Given => new(_api);

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Release_while_enrolled_is_refused_as_active_enrolment()
    {
        var (_, _, inmate) = await Given.EnrolledInmateAsync();

        var r = await _api.PostAsync($"/inmates/{inmate}/release", new { releasedAt = Scenario.Past, reason = "Sentence served" });

        r.Code.Should().Be("active_enrolment");
    }

    [Fact]
    public async Task Release_plan_release_and_follow_up_are_recorded_in_order()
    {
        var facility = await Given.FacilityAsync();
        var inmate = await Given.AdmitAsync(facility.Id);
        var followUp = new { followedUpAt = "2025-05-01T10:00:00Z", employment = "SelfEmployed", housing = "WithFamily", outcome = "Reached", notes = "Tailoring shop" };

        (await _api.PostAsync($"/inmates/{inmate}/follow-ups", followUp)).Code.Should().Be("inmate_not_released");
        (await _api.PutAsync($"/inmates/{inmate}/release-plan", new { expectedReleaseDate = "2025-04-01" })).Status.Should().Be(HttpStatusCode.OK);
        (await _api.PostAsync($"/inmates/{inmate}/release", new { releasedAt = Scenario.Past, reason = "Sentence served" })).Status.Should().Be(HttpStatusCode.OK);
        (await _api.PostAsync($"/inmates/{inmate}/release", new { releasedAt = Scenario.Past, reason = "Again" })).Code.Should().Be("already_released");
        (await _api.PostAsync($"/inmates/{inmate}/follow-ups", followUp)).Status.Should().Be(HttpStatusCode.OK);
        (await _api.GetAsync($"/inmates?status=Released")).Body.GetProperty("totalCount").GetInt64().Should().Be(1);
    }

    [Fact]
    public async Task Housing_and_a_release_plan_can_be_back_dated_and_the_timeline_shows_when_they_happened()
    {
        var facility = await Given.FacilityAsync();
        var inmate = await Given.AdmitAsync(facility.Id);

        await Given.Ok($"/inmates/{inmate}/housing", new { wardId = facility.MaleWard, housedAt = "2025-01-10T12:00:00+05:00" });
        (await _api.PutAsync($"/inmates/{inmate}/release-plan", new { expectedReleaseDate = "2025-09-01", plannedAt = "2025-01-20T09:00:00+05:00" }))
            .Status.Should().Be(HttpStatusCode.OK);
        await fixture.ProjectionsCaughtUpAsync();

        var timeline = await TimelineAsync(inmate);
        var housed = timeline.Single(e => e.GetProperty("eventType").GetString() == "inmate_housed.v1");
        housed.GetProperty("occurredAt").GetDateTimeOffset().Should().Be(DateTimeOffset.Parse("2025-01-10T07:00:00Z"));
        housed.GetProperty("recordedAt").GetDateTimeOffset().Should().NotBe(housed.GetProperty("occurredAt").GetDateTimeOffset(), "the recording time is kept too");
        timeline.Single(e => e.GetProperty("eventType").GetString() == "release_planned.v1")
            .GetProperty("occurredAt").GetDateTimeOffset().Should().Be(DateTimeOffset.Parse("2025-01-20T04:00:00Z"));
    }

    [Fact]
    public async Task Housing_dated_before_admission_is_refused_and_housing_without_a_time_happens_now()
    {
        var facility = await Given.FacilityAsync();
        var inmate = await Given.AdmitAsync(facility.Id);
        var before = await fixture.EventCountAsync();

        var early = await _api.PostAsync($"/inmates/{inmate}/housing", new { wardId = facility.MaleWard, housedAt = "2025-01-09T10:00:00+05:00" });

        early.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        early.Code.Should().Be("before_admission");
        (await fixture.EventCountAsync()).Should().Be(before);
        await Given.Ok($"/inmates/{inmate}/housing", new { wardId = facility.MaleWard });
        await fixture.ProjectionsCaughtUpAsync();
        (await TimelineAsync(inmate)).Single(e => e.GetProperty("eventType").GetString() == "inmate_housed.v1")
            .GetProperty("occurredAt").GetDateTimeOffset().Should().Be(FixedTime.Now);
    }

    [Fact]
    public async Task A_release_dated_before_the_current_housing_began_is_refused_as_ends_before_start()
    {
        var facility = await Given.FacilityAsync();
        var inmate = await Given.AdmitAsync(facility.Id);
        await Given.Ok($"/inmates/{inmate}/housing", new { wardId = facility.MaleWard, housedAt = Scenario.Past });

        var r = await _api.PostAsync($"/inmates/{inmate}/release", new { releasedAt = "2025-02-01T09:00:00+05:00", reason = "Bail granted" });

        r.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        r.Code.Should().Be("ends_before_start");
    }

    private async Task<List<System.Text.Json.JsonElement>> TimelineAsync(Guid inmate) =>
        (await _api.GetAsync($"/read-models/inmates/{inmate}/timeline")).Body.EnumerateArray().ToList();

    [Fact]
    public async Task A_correction_naming_no_recorded_event_is_refused_as_unknown_corrected_event()
    {
        var facility = await Given.FacilityAsync();
        var inmate = await Given.AdmitAsync(facility.Id);

        var r = await _api.PostAsync($"/inmates/{inmate}/corrections", new
        {
            correctedStreamVersion = 9, corrections = new[] { new { field = "FullName", correctedValue = "Imran Afridi" } }, reason = "Typo",
        });

        r.Code.Should().Be("unknown_corrected_event");
    }

    [Fact]
    public async Task A_correction_is_a_new_event_and_the_directory_shows_the_corrected_name()
    {
        var facility = await Given.FacilityAsync();
        var inmate = await Given.AdmitAsync(facility.Id);

        var r = await _api.PostAsync($"/inmates/{inmate}/corrections", new
        {
            correctedStreamVersion = 1, corrections = new[] { new { field = "FullName", correctedValue = "Imran Afridi" } }, reason = "Typo",
        });

        r.Version.Should().Be(2);
        var list = await _api.GetAsync($"/inmates?facilityId={facility.Id}");
        list.Body.GetProperty("items")[0].GetProperty("fullName").GetString().Should().Be("Imran Afridi");
    }

    [Fact]
    public async Task A_correction_of_an_unknown_field_is_400()
    {
        var r = await _api.PostAsync($"/inmates/{Guid.NewGuid()}/corrections", new
        {
            correctedStreamVersion = 1, corrections = new[] { new { field = "Religion", correctedValue = "x" } }, reason = "Typo",
        });

        r.ErrorFields.Should().Equal("corrections[0].field");
    }

    [Theory]
    [InlineData("POST", "housing", "{\"wardId\":\"6f9619ff-8b86-d011-b42d-00cf4fc964ff\"}")]
    [InlineData("POST", "medical-screenings", "{\"screenedAt\":\"2025-01-01T00:00:00Z\",\"screenedBy\":\"Dr\",\"summary\":\"ok\"}")]
    [InlineData("POST", "segregation", "{\"reason\":\"r\",\"authorisedBy\":\"s\",\"at\":\"2025-01-01T00:00:00Z\"}")]
    [InlineData("POST", "release", "{\"releasedAt\":\"2025-01-01T00:00:00Z\",\"reason\":\"served\"}")]
    [InlineData("PUT", "release-plan", "{\"expectedReleaseDate\":\"2025-09-01\"}")]
    [InlineData("PUT", "legal-status", "{\"to\":\"Remand\",\"changedAt\":\"2025-01-01T00:00:00Z\",\"reference\":\"r\"}")]
    [InlineData("POST", "transfers", "{\"toFacilityId\":\"6f9619ff-8b86-d011-b42d-00cf4fc964ff\",\"prisonerNumber\":\"A-1\",\"transferredAt\":\"2025-01-01T00:00:00Z\"}")]
    [InlineData("POST", "corrections", "{\"correctedStreamVersion\":1,\"corrections\":[{\"field\":\"FullName\",\"correctedValue\":\"A\"}],\"reason\":\"r\"}")]
    [InlineData("POST", "wage-account/credits", "{\"kind\":\"Wage\",\"amountMinor\":100,\"creditedAt\":\"2025-01-01T00:00:00Z\"}")]
    public async Task Commands_on_an_unknown_inmate_are_404(string method, string path, string body)
    {
        var r = await _api.SendRawAsync(new HttpMethod(method), $"/inmates/{Guid.NewGuid()}/{path}", body, []);

        r.Status.Should().Be(HttpStatusCode.NotFound, r.ToString());
    }

    [Fact]
    public async Task The_inmate_list_pages_with_a_total_count_and_filters_by_status_and_facility()
    {
        var facility = await Given.FacilityAsync();
        for (var i = 0; i < 5; i++) await Given.AdmitAsync(facility.Id);
        await Given.AdmitAsync((await Given.FacilityAsync()).Id);

        var page = await _api.GetAsync($"/inmates?facilityId={facility.Id}&status=Admitted&page=2&pageSize=2");

        page.Status.Should().Be(HttpStatusCode.OK);
        page.Body.GetProperty("totalCount").GetInt64().Should().Be(5);
        page.Body.GetProperty("items").GetArrayLength().Should().Be(2);
        page.Body.GetProperty("page").GetInt32().Should().Be(2);
    }

    [Theory]
    [InlineData("pageSize=201")]
    [InlineData("page=0")]
    [InlineData("status=Escaped")]
    [InlineData("facilityId=not-an-id")]
    public async Task Invalid_list_parameters_are_400(string query)
    {
        var r = await _api.GetAsync($"/inmates?{query}");

        r.Status.Should().Be(HttpStatusCode.BadRequest);
        r.ErrorFields.Should().HaveCount(1);
    }

    [Fact]
    public async Task A_stale_if_match_on_an_inmate_command_is_412_and_writes_nothing()
    {
        var facility = await Given.FacilityAsync();
        var inmate = await Given.AdmitAsync(facility.Id);
        await _api.PostAsync($"/inmates/{inmate}/housing", new { wardId = facility.MaleWard });
        var before = await fixture.EventCountAsync();

        var r = await _api.PutAsync($"/inmates/{inmate}/release-plan", new { expectedReleaseDate = "2025-09-01" }, Api.IfMatch(1));

        r.Status.Should().Be(HttpStatusCode.PreconditionFailed);
        r.Body.GetProperty("expectedVersion").GetInt64().Should().Be(1);
        r.Body.GetProperty("actualVersion").GetInt64().Should().Be(2);
        (await fixture.EventCountAsync()).Should().Be(before);
    }

    [Fact]
    public async Task An_admission_retried_with_its_idempotency_key_admits_once()
    {
        var facility = await Given.FacilityAsync();
        var body = Scenario.Admission(facility.Id);
        var key = Api.IdempotencyKey(Guid.NewGuid().ToString());

        var first = await _api.PostAsync("/inmates", body, key);
        var retry = await _api.PostAsync("/inmates", body, key);

        retry.Id.Should().Be(first.Id);
        (await fixture.ScalarAsync("select count(*) from sc.inmate_directory")).Should().Be(1);
    }
}
