using System.Net;
using FluentAssertions;
using SecondChance.Host.Tests.Support;
using Xunit;

namespace SecondChance.Host.Tests.Mentors;

public sealed class MentorApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private readonly Api _api = fixture.CreateApi();
    private Scenario Given => new(_api);

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static object Contact(Guid mentorId, string phase = "BeforeRelease") => new
    {
        mentorId, contactAt = Scenario.Past, mode = "InPerson", phase, summary = "Discussed tailoring work after release",
    };

    [Fact]
    public async Task A_mentor_is_registered_vetted_and_listed_by_status()
    {
        var mentor = await Given.MentorAsync();

        (await _api.GetAsync($"/mentors/{mentor}")).ETag.Should().Be("\"2\"");
        (await _api.GetAsync("/mentors?status=Vetted")).Body.GetProperty("totalCount").GetInt64().Should().Be(1);
    }

    [Fact]
    public async Task A_mentor_is_read_with_name_and_organisation()
    {
        var mentor = await Given.MentorAsync();

        var details = (await _api.GetAsync($"/mentors/{mentor}")).Body.GetProperty("details");

        details.GetProperty("fullName").GetString().Should().Be("Bilal Ahmed");
        details.GetProperty("organisation").GetString().Should().Be("Rozan");
    }

    [Fact]
    public async Task A_mentor_with_a_malformed_cnic_is_400()
    {
        var r = await _api.PostAsync("/mentors", new { fullName = "Bilal", cnic = "123" });

        r.ErrorFields.Should().Equal("cnic");
    }

    [Fact]
    public async Task Vetting_a_deactivated_mentor_is_refused_as_mentor_inactive()
    {
        var mentor = await Given.MentorAsync(vetted: false);
        await Given.Ok($"/mentors/{mentor}/deactivation", new { reason = "Moved away", deactivatedAt = Scenario.Past });

        var r = await _api.PostAsync($"/mentors/{mentor}/vetting", new { vettedBy = "Officer", vettedOn = "2025-02-01" });

        r.Code.Should().Be("mentor_inactive");
        (await _api.GetAsync("/mentors?status=Deactivated")).Body.GetProperty("totalCount").GetInt64().Should().Be(1);
    }

    [Fact]
    public async Task Vetting_an_unknown_mentor_is_404()
    {
        (await _api.PostAsync($"/mentors/{Guid.NewGuid()}/vetting", new { vettedBy = "Officer", vettedOn = "2025-02-01" }))
            .Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Assigning_an_unvetted_mentor_is_refused_as_mentor_not_vetted()
    {
        var facility = await Given.FacilityAsync();
        var inmate = await Given.AdmitAsync(facility.Id);
        var mentor = await Given.MentorAsync(vetted: false);

        var r = await _api.PutAsync($"/inmates/{inmate}/mentor", new { mentorId = mentor, assignedAt = Scenario.Past });

        r.Code.Should().Be("mentor_not_vetted");
    }

    [Fact]
    public async Task Assigning_a_second_mentor_is_refused_as_mentor_already_assigned()
    {
        var facility = await Given.FacilityAsync();
        var inmate = await Given.AdmitAsync(facility.Id);
        (await _api.PutAsync($"/inmates/{inmate}/mentor", new { mentorId = await Given.MentorAsync(), assignedAt = Scenario.Past }))
            .Status.Should().Be(HttpStatusCode.OK);

        var r = await _api.PutAsync($"/inmates/{inmate}/mentor", new { mentorId = await Given.MentorAsync(), assignedAt = Scenario.Past });

        r.Code.Should().Be("mentor_already_assigned");
    }

    [Fact]
    public async Task A_contact_by_the_assigned_mentor_is_recorded_and_after_release_phase_is_refused_before_release()
    {
        var facility = await Given.FacilityAsync();
        var inmate = await Given.AdmitAsync(facility.Id);
        var mentor = await Given.MentorAsync();
        await _api.PutAsync($"/inmates/{inmate}/mentor", new { mentorId = mentor, assignedAt = Scenario.Past });

        var before = await _api.PostAsync($"/inmates/{inmate}/mentoring-contacts", Contact(mentor));
        var after = await _api.PostAsync($"/inmates/{inmate}/mentoring-contacts", Contact(mentor, "AfterRelease"));

        before.Status.Should().Be(HttpStatusCode.OK, before.ToString());
        after.Code.Should().Be("inmate_not_released");
    }

    [Fact]
    public async Task A_contact_before_release_after_the_inmate_is_released_is_refused_as_inmate_released()
    {
        var facility = await Given.FacilityAsync();
        var inmate = await Given.AdmitAsync(facility.Id);
        var mentor = await Given.MentorAsync();
        await _api.PutAsync($"/inmates/{inmate}/mentor", new { mentorId = mentor, assignedAt = Scenario.Past });
        await Given.Ok($"/inmates/{inmate}/release", new { releasedAt = Scenario.Past, reason = "Served" });

        (await _api.PostAsync($"/inmates/{inmate}/mentoring-contacts", Contact(mentor))).Code.Should().Be("inmate_released");
    }

    [Fact]
    public async Task A_contact_by_an_unassigned_mentor_is_refused_and_unassigning_needs_the_assigned_mentor()
    {
        var facility = await Given.FacilityAsync();
        var inmate = await Given.AdmitAsync(facility.Id);
        var mentor = await Given.MentorAsync();

        (await _api.PostAsync($"/inmates/{inmate}/mentoring-contacts", Contact(mentor))).Code.Should().Be("mentor_not_assigned");
        (await _api.PostAsync($"/inmates/{inmate}/mentor/unassignment", new { mentorId = mentor, reason = "r", unassignedAt = Scenario.Past }))
            .Code.Should().Be("mentor_not_assigned");
    }

    [Fact]
    public async Task A_summary_over_the_length_limit_is_400()
    {
        var r = await _api.PostAsync($"/inmates/{Guid.NewGuid()}/mentoring-contacts", new
        {
            mentorId = Guid.NewGuid(), contactAt = Scenario.Past, mode = "Phone", phase = "BeforeRelease", summary = new string('s', 1001),
        });

        r.ErrorFields.Should().Equal("summary");
    }
}
