using System.Net;
using FluentAssertions;
using SecondChance.Domain.Access;
using SecondChance.Host.Tests.Support;
using Xunit;

namespace SecondChance.Host.Tests.Complaints;

public sealed class ComplaintApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private readonly Api _admin = fixture.CreateApi();
    private Scenario Given => new(_admin);

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public static object Complaint(string channel = "ThroughStaff", string account = "A warder took money for a family visit", string lodgedAt = Scenario.Past) => new
    {
        channel, complainant = "FamilyMember", complainantName = "Nasreen Bibi", category = "Extortion", aboutStaff = true, account,
        recordedBy = "Welfare officer", lodgedAt,
    };

    private async Task<(Guid Facility, Guid Inmate, Api Staff, Api Oversight)> WorldAsync()
    {
        var facility = await Given.FacilityAsync();
        var inmate = await Given.AdmitAsync(facility.Id);
        var staff = new Api(await TestUsers.ClientForAsync(fixture.Factory, Role.FacilityStaff, facility.Id));
        var oversight = new Api(await TestUsers.ClientForAsync(fixture.Factory, Role.Oversight));
        return (facility.Id, inmate, staff, oversight);
    }

    [Fact]
    public async Task Staff_take_a_complaint_through_its_whole_lifecycle_and_read_who_did_each_step()
    {
        var (_, inmate, staff, _) = await WorldAsync();
        var lodged = await staff.PostAsync($"/inmates/{inmate}/complaints", Complaint());
        lodged.Status.Should().Be(HttpStatusCode.Created, lodged.ToString());
        var id = lodged.Id;
        lodged.Message.Headers.Location!.ToString().Should().Be($"/inmates/{inmate}/complaints/{id}");
        var path = $"/inmates/{inmate}/complaints/{id}";
        (await staff.PostAsync($"{path}/acknowledgement", new { by = "Deputy superintendent" })).Status.Should().Be(HttpStatusCode.OK);
        (await staff.PostAsync($"{path}/investigation", new { by = "Inspector Rana" })).Status.Should().Be(HttpStatusCode.OK);
        (await staff.PostAsync($"{path}/decision", new { outcome = "Upheld", remedy = "Warder suspended; money returned", by = "Superintendent" }))
            .Status.Should().Be(HttpStatusCode.OK);
        (await staff.PostAsync($"{path}/appeal", new { grounds = "The money was not all returned" })).Status.Should().Be(HttpStatusCode.OK);

        var view = await staff.GetAsync(path);
        view.Status.Should().Be(HttpStatusCode.OK, view.ToString());
        view.Body.GetProperty("stage").GetString().Should().Be("Appealed");
        view.Body.GetProperty("account").GetString().Should().Be("A warder took money for a family visit");
        view.Body.GetProperty("remedy").GetString().Should().Be("Warder suspended; money returned");
        view.Body.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("step").GetString())
            .Should().Equal("lodged", "acknowledged", "investigation_opened", "decided", "appealed");
        view.Body.GetProperty("steps")[1].GetProperty("by").GetString().Should().Be("Deputy superintendent");
    }

    [Fact]
    public async Task A_step_out_of_order_or_without_its_remedy_is_refused_and_writes_nothing()
    {
        var (_, inmate, staff, _) = await WorldAsync();
        var id = (await staff.PostAsync($"/inmates/{inmate}/complaints", Complaint())).Id;
        var before = await fixture.EventCountAsync();

        var early = await staff.PostAsync($"/inmates/{inmate}/complaints/{id}/decision", new { outcome = "NotUpheld", by = "Superintendent" });
        early.Status.Should().Be(HttpStatusCode.UnprocessableEntity, early.ToString());
        early.Code.Should().Be("complaint_step_out_of_order");
        var noRemedy = await staff.PostAsync($"/inmates/{inmate}/complaints/{id}/decision", new { outcome = "Upheld", by = "Superintendent" });
        noRemedy.Status.Should().Be(HttpStatusCode.BadRequest, noRemedy.ToString());
        noRemedy.ErrorFields.Should().Contain("remedy");
        var badChannel = await staff.PostAsync($"/inmates/{inmate}/complaints", new { channel = "Newspaper" });
        badChannel.Status.Should().Be(HttpStatusCode.BadRequest);
        (await fixture.EventCountAsync()).Should().Be(before);
    }

    [Fact]
    public async Task Staff_cannot_lodge_a_complaint_addressed_to_oversight()
    {
        var (_, inmate, staff, _) = await WorldAsync();
        var r = await staff.PostAsync($"/inmates/{inmate}/complaints", Complaint("ToOversight"));
        r.Status.Should().Be(HttpStatusCode.UnprocessableEntity, r.ToString());
        r.Code.Should().Be("complaint_handled_by_oversight");
    }

    [Fact]
    public async Task A_confidential_complaint_is_unknown_to_staff_until_oversight_discloses_it_and_then_shows_no_account_or_author()
    {
        var (_, inmate, staff, oversight) = await WorldAsync();
        var lodged = await oversight.PostAsync($"/inmates/{inmate}/complaints", Complaint("ToOversight"));
        lodged.Status.Should().Be(HttpStatusCode.Created, lodged.ToString());
        var id = lodged.Id;
        var unknown = Guid.NewGuid();

        (await staff.GetAsync($"/inmates/{inmate}/complaints")).Body.GetArrayLength().Should().Be(0);
        var hidden = await staff.PostAsync($"/inmates/{inmate}/complaints/{id}/acknowledgement", new { by = "Deputy superintendent" });
        var missing = await staff.PostAsync($"/inmates/{inmate}/complaints/{unknown}/acknowledgement", new { by = "Deputy superintendent" });
        hidden.Status.Should().Be(HttpStatusCode.NotFound);
        hidden.Body.GetProperty("detail").GetString().Should().Be(missing.Body.GetProperty("detail").GetString());
        (await staff.GetAsync($"/inmates/{inmate}/complaints/{id}")).Status.Should().Be(HttpStatusCode.NotFound);
        // a complaint staff lodge afterwards is version 1 of their stream: no count betrays the confidential one
        (await staff.PostAsync($"/inmates/{inmate}/complaints", Complaint())).Version.Should().Be(1);

        (await oversight.GetAsync($"/inmates/{inmate}/complaints/{id}")).Body.GetProperty("account").GetString()
            .Should().Be("A warder took money for a family visit");
        (await oversight.PostAsync($"/inmates/{inmate}/complaints/{id}/disclosure", new { by = "Provincial ombudsman", reason = "The facility must investigate" }))
            .Status.Should().Be(HttpStatusCode.OK);

        var disclosed = await staff.GetAsync($"/inmates/{inmate}/complaints/{id}");
        disclosed.Status.Should().Be(HttpStatusCode.OK, disclosed.ToString());
        disclosed.Body.GetProperty("confidential").GetBoolean().Should().BeTrue();
        disclosed.ToString().Should().NotContain("Nasreen").And.NotContain("warder took money").And.NotContain("Extortion").And.NotContain("ombudsman");
        var act = await staff.PostAsync($"/inmates/{inmate}/complaints/{id}/acknowledgement", new { by = "Deputy superintendent" });
        act.Code.Should().Be("complaint_handled_by_oversight");
    }

    [Fact]
    public async Task Every_read_of_an_inmates_complaints_is_in_the_access_log()
    {
        var (_, inmate, staff, oversight) = await WorldAsync();
        await oversight.PostAsync($"/inmates/{inmate}/complaints", Complaint("ToOversight"));
        (await oversight.GetAsync($"/inmates/{inmate}/complaints")).Status.Should().Be(HttpStatusCode.OK);
        (await staff.GetAsync($"/inmates/{inmate}/complaints")).Status.Should().Be(HttpStatusCode.OK);

        var log = await _admin.GetAsync($"/admin/access-log?subjectId={inmate}");
        log.Body.EnumerateArray().Select(e => e.GetProperty("resource").GetString())
            .Count(r => r == $"GET /inmates/{inmate}/complaints").Should().Be(2);
    }

    [Fact]
    public async Task Staff_of_another_facility_can_neither_lodge_nor_read_complaints_about_an_inmate()
    {
        var (_, inmate, _, _) = await WorldAsync();
        var elsewhere = await Given.FacilityAsync();
        var other = new Api(await TestUsers.ClientForAsync(fixture.Factory, Role.FacilityStaff, elsewhere.Id));
        (await other.PostAsync($"/inmates/{inmate}/complaints", Complaint())).Status.Should().Be(HttpStatusCode.Forbidden);
        (await other.GetAsync($"/inmates/{inmate}/complaints")).Status.Should().BeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Forbidden);
    }
}
