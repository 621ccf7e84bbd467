using System.Net;
using FluentAssertions;
using SecondChance.Host.Tests.Support;
using Xunit;

namespace SecondChance.Host.Tests.Programmes;

public sealed class ProgrammeApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private readonly Api _api = fixture.CreateApi();
    private Scenario Given => new(_api);

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static object Certification(Guid programmeId, string skill = "Zardozi", string number = "CERT-1") => new
    {
        programmeId, skill, level = "Level 2", assessor = "TEVTA assessor", certificateNumber = number, certifiedAt = Scenario.Past,
    };

    [Fact]
    public async Task A_programme_is_read_with_its_name_and_instructor()
    {
        var facility = await Given.FacilityAsync();
        var programme = await Given.ProgrammeAsync(facility.Id);

        var details = (await _api.GetAsync($"/programmes/{programme}")).Body.GetProperty("details");

        details.GetProperty("name").GetString().Should().Be("Embroidery for beginners");
        details.GetProperty("instructorName").GetString().Should().Be("Ayesha Siddiqui");
    }

    [Fact]
    public async Task Opening_a_programme_is_201_and_it_appears_in_the_facility_list()
    {
        var facility = await Given.FacilityAsync();

        var r = await _api.PostAsync("/programmes", Scenario.Programme(facility.Id));
        var list = await _api.GetAsync($"/programmes?facilityId={facility.Id}&status=Open");

        r.Status.Should().Be(HttpStatusCode.Created, r.ToString());
        list.Body.GetProperty("totalCount").GetInt64().Should().Be(1);
        list.Body.GetProperty("items")[0].GetProperty("craft").GetString().Should().Be("Embroidery");
    }

    [Fact]
    public async Task Opening_at_an_unregistered_facility_is_refused_as_facility_not_found()
    {
        var r = await _api.PostAsync("/programmes", Scenario.Programme(Guid.NewGuid()));

        r.Code.Should().Be("facility_not_found");
    }

    [Fact]
    public async Task A_capacity_of_zero_or_a_missing_skill_list_is_400()
    {
        var r = await _api.SendRawAsync(HttpMethod.Post, "/programmes", "{\"capacity\":0}", []);

        r.ErrorFields.Should().Contain(["capacity", "skills", "facilityId", "name", "craft"]);
    }

    [Fact]
    public async Task Enrolment_writes_the_programme_and_the_inmate_and_shows_in_both_lists()
    {
        var facility = await Given.FacilityAsync();
        var programme = await Given.ProgrammeAsync(facility.Id);
        var inmate = await Given.AdmitAsync(facility.Id);

        var r = await Given.EnrolAsync(programme, inmate);

        r.Status.Should().Be(HttpStatusCode.OK, r.ToString());
        r.Version.Should().Be(2);
        (await _api.GetAsync($"/inmates/{inmate}")).ETag.Should().Be("\"2\"");
        (await _api.GetAsync($"/inmates?programmeId={programme}")).Body.GetProperty("totalCount").GetInt64().Should().Be(1);
        (await _api.GetAsync($"/programmes?programmeId={programme}")).Body.GetProperty("items")[0].GetProperty("enrolled").GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task Enrolment_over_capacity_is_refused_as_programme_full_and_writes_nothing()
    {
        var facility = await Given.FacilityAsync();
        var programme = await Given.ProgrammeAsync(facility.Id, capacity: 1);
        await Given.EnrolAsync(programme, await Given.AdmitAsync(facility.Id));
        var second = await Given.AdmitAsync(facility.Id);
        var before = await fixture.EventCountAsync();

        var r = await Given.EnrolAsync(programme, second);

        r.Code.Should().Be("programme_full");
        (await fixture.EventCountAsync()).Should().Be(before);
    }

    [Fact]
    public async Task Two_enrolments_racing_for_the_last_seat_never_both_succeed()
    {
        var facility = await Given.FacilityAsync();
        var programme = await Given.ProgrammeAsync(facility.Id, capacity: 1);
        var inmates = new List<Guid>();
        for (var i = 0; i < 6; i++) inmates.Add(await Given.AdmitAsync(facility.Id));

        var results = await Task.WhenAll(inmates.Select(i => Given.EnrolAsync(programme, i)));

        results.Count(r => r.Status == HttpStatusCode.OK).Should().Be(1);
        results.Where(r => r.Status != HttpStatusCode.OK).Select(r => r.Code).Should().OnlyContain(c => c == "programme_full" || c == "version_conflict");
        (await fixture.ScalarAsync("select count(*) from sc_events.mt_events where type = 'programme_seat_taken.v1'")).Should().Be(1);
    }

    [Fact]
    public async Task Enrolment_into_a_closed_programme_is_refused_as_programme_closed()
    {
        var facility = await Given.FacilityAsync();
        var programme = await Given.ProgrammeAsync(facility.Id);
        (await _api.PostAsync($"/programmes/{programme}/close", new { reason = "Instructor left", closedAt = Scenario.Past }))
            .Status.Should().Be(HttpStatusCode.OK);

        var r = await Given.EnrolAsync(programme, await Given.AdmitAsync(facility.Id));

        r.Code.Should().Be("programme_closed");
        (await _api.GetAsync($"/programmes?status=Closed")).Body.GetProperty("totalCount").GetInt64().Should().Be(1);
    }

    [Fact]
    public async Task Enrolment_at_another_facility_is_refused()
    {
        var facility = await Given.FacilityAsync();
        var programme = await Given.ProgrammeAsync(facility.Id);
        var elsewhere = await Given.AdmitAsync((await Given.FacilityAsync()).Id);

        (await Given.EnrolAsync(programme, elsewhere)).Code.Should().Be("programme_at_another_facility");
    }

    [Fact]
    public async Task Enrolling_twice_is_refused_as_already_enrolled()
    {
        var (_, programme, inmate) = await Given.EnrolledInmateAsync();

        (await Given.EnrolAsync(programme, inmate)).Code.Should().Be("already_enrolled");
    }

    [Fact]
    public async Task Enrolment_in_an_unknown_programme_is_404()
    {
        var facility = await Given.FacilityAsync();

        (await Given.EnrolAsync(Guid.NewGuid(), await Given.AdmitAsync(facility.Id))).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Enrolling_an_unknown_inmate_is_refused_as_inmate_not_found()
    {
        var facility = await Given.FacilityAsync();
        var programme = await Given.ProgrammeAsync(facility.Id);

        (await Given.EnrolAsync(programme, Guid.NewGuid())).Code.Should().Be("inmate_not_found");
    }

    [Fact]
    public async Task Withdrawal_frees_the_seat_and_a_second_withdrawal_changes_nothing()
    {
        var (_, programme, inmate) = await Given.EnrolledInmateAsync();
        var body = new { reason = "Moved to kitchen duty", withdrewAt = Scenario.Past };

        var first = await _api.PostAsync($"/programmes/{programme}/enrolments/{inmate}/withdrawal", body);
        var count = await fixture.EventCountAsync();
        var second = await _api.PostAsync($"/programmes/{programme}/enrolments/{inmate}/withdrawal", body);

        first.Body.GetProperty("eventCount").GetInt32().Should().Be(2);
        second.Status.Should().Be(HttpStatusCode.OK);
        second.Body.GetProperty("eventCount").GetInt32().Should().Be(0);
        (await fixture.EventCountAsync()).Should().Be(count);
    }

    [Fact]
    public async Task Completing_without_enrolment_is_refused_as_not_enrolled()
    {
        var facility = await Given.FacilityAsync();
        var programme = await Given.ProgrammeAsync(facility.Id);
        var inmate = await Given.AdmitAsync(facility.Id);

        var r = await _api.PostAsync($"/programmes/{programme}/enrolments/{inmate}/completion", new { completedAt = Scenario.Past });

        r.Code.Should().Be("not_enrolled");
    }

    [Fact]
    public async Task A_certified_skill_is_recorded_after_completion()
    {
        var (_, programme, inmate) = await Given.EnrolledInmateAsync();
        (await _api.PostAsync($"/programmes/{programme}/enrolments/{inmate}/completion", new { completedAt = Scenario.Past }))
            .Status.Should().Be(HttpStatusCode.OK);

        var r = await _api.PostAsync($"/inmates/{inmate}/certifications", Certification(programme));

        r.Status.Should().Be(HttpStatusCode.OK, r.ToString());
        (await fixture.ScalarAsync("select count(*) from sc_events.mt_events where type = 'skill_certified.v1'")).Should().Be(1);
    }

    [Fact]
    public async Task Certification_in_a_skill_the_programme_does_not_teach_is_refused_as_skill_not_taught()
    {
        var (_, programme, inmate) = await Given.EnrolledInmateAsync();

        (await _api.PostAsync($"/inmates/{inmate}/certifications", Certification(programme, skill: "Welding"))).Code.Should().Be("skill_not_taught");
    }

    [Fact]
    public async Task Certification_without_enrolment_is_refused_as_not_enrolled()
    {
        var facility = await Given.FacilityAsync();
        var programme = await Given.ProgrammeAsync(facility.Id);
        var inmate = await Given.AdmitAsync(facility.Id);

        (await _api.PostAsync($"/inmates/{inmate}/certifications", Certification(programme))).Code.Should().Be("not_enrolled");
    }

    [Fact]
    public async Task Certification_in_an_unknown_programme_is_refused_as_programme_not_found()
    {
        var facility = await Given.FacilityAsync();
        var inmate = await Given.AdmitAsync(facility.Id);

        (await _api.PostAsync($"/inmates/{inmate}/certifications", Certification(Guid.NewGuid()))).Code.Should().Be("programme_not_found");
    }

    [Fact]
    public async Task Closing_an_unknown_programme_is_404_and_a_stale_if_match_is_412()
    {
        var facility = await Given.FacilityAsync();
        var programme = await Given.ProgrammeAsync(facility.Id);
        await Given.EnrolAsync(programme, await Given.AdmitAsync(facility.Id));
        var body = new { reason = "End of term", closedAt = Scenario.Past };

        (await _api.PostAsync($"/programmes/{Guid.NewGuid()}/close", body)).Status.Should().Be(HttpStatusCode.NotFound);
        var stale = await _api.PostAsync($"/programmes/{programme}/close", body, Api.IfMatch(1));

        stale.Status.Should().Be(HttpStatusCode.PreconditionFailed);
        stale.Body.GetProperty("actualVersion").GetInt64().Should().Be(2);
    }

    [Fact]
    public async Task Getting_a_programme_returns_its_state_and_an_unknown_one_is_404()
    {
        var facility = await Given.FacilityAsync();
        var programme = await Given.ProgrammeAsync(facility.Id);

        (await _api.GetAsync($"/programmes/{programme}")).Body.GetProperty("state").GetProperty("capacity").GetInt32().Should().Be(10);
        (await _api.GetAsync($"/programmes/{Guid.NewGuid()}")).Status.Should().Be(HttpStatusCode.NotFound);
    }
}
