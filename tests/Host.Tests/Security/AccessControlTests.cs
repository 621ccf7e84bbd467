using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using SecondChance.Domain.Access;
using SecondChance.Host.Security;
using SecondChance.Host.Tests.Support;
using Xunit;

namespace SecondChance.Host.Tests.Security;

public sealed class AccessControlTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private readonly Api _admin = fixture.CreateApi();
    private Scenario Given => new(_admin);

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private sealed record World(Scenario.Facility Facility, Guid Programme, Guid Inmate, Scenario.Facility Other, Guid OtherInmate, Guid OtherProgramme);

    private async Task<World> WorldAsync()
    {
        var (facility, programme, inmate) = await Given.EnrolledInmateAsync();
        var other = await Given.FacilityAsync();
        return new World(facility, programme, inmate, other, await Given.AdmitAsync(other.Id), await Given.ProgrammeAsync(other.Id));
    }

    private async Task<Api> AsAsync(Role? role, World w, bool personalData = false)
    {
        if (role is null) return fixture.CreateAnonymousApi();
        var facilities = role == Role.FacilityStaff ? new[] { w.Facility.Id } : [];
        var programmes = role == Role.Instructor ? new[] { w.Programme } : [];
        return new Api((await TestUsers.SignedInAsync(fixture.Factory, role.Value, facilities, programmes, personalData)).Client);
    }

    public static TheoryData<string?> Roles()
    {
        var data = new TheoryData<string?> { (string?)null };
        foreach (var r in Enum.GetNames<Role>()) data.Add(r);
        return data;
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Each_role_reaches_exactly_the_capabilities_its_policies_grant(string? roleName)
    {
        var w = await WorldAsync();
        Role? role = roleName is null ? null : Enum.Parse<Role>(roleName);
        var api = await AsAsync(role, w);
        (string Policy, HttpMethod Method, string Path)[] representative =
        [
            (Policies.Administer, HttpMethod.Post, "/facilities"),
            (Policies.RecordJourneys, HttpMethod.Post, $"/inmates/{w.Inmate}/housing"),
            (Policies.TeachProgrammes, HttpMethod.Post, $"/programmes/{w.Programme}/enrolments"),
            (Policies.CoordinateMentors, HttpMethod.Post, "/mentors"),
            (Policies.RecordWages, HttpMethod.Post, $"/inmates/{w.Inmate}/wage-account/credits"),
            (Policies.ReadFinancial, HttpMethod.Get, "/read-models/wages/trial-balance"),
            (Policies.ReadCompliance, HttpMethod.Get, $"/read-models/compliance/facilities/{w.Facility.Id}"),
            (Policies.ReadRecords, HttpMethod.Get, $"/inmates/{w.Inmate}"),
            (Policies.ReadReadModels, HttpMethod.Get, "/read-models/dashboard"),
            (Policies.ReadAudit, HttpMethod.Get, "/admin/access-log"),
        ];
        var before = await fixture.EventCountAsync();

        foreach (var (policy, method, path) in representative)
        {
            // an empty body: an allowed caller gets past authorization and is stopped by validation (400), nothing else
            var r = await api.SendRawAsync(method, path, method == HttpMethod.Get ? null : "{}", []);
            var expected = role is null ? HttpStatusCode.Unauthorized
                : Policies.Holders[policy].Contains(role.Value) ? (HttpStatusCode?)null : HttpStatusCode.Forbidden;
            if (expected is { } refused)
            {
                r.Status.Should().Be(refused, $"{role?.ToString() ?? "anonymous"} must not reach {policy} ({method} {path})");
                r.Message.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
            }
            else r.Status.Should().NotBe(HttpStatusCode.Unauthorized).And.NotBe(HttpStatusCode.Forbidden, $"{role} holds {policy} ({path}): {r}");
        }
        (await api.GetAsync("/read-models/catalogue")).Status.Should().Be(HttpStatusCode.OK);
        (await fixture.EventCountAsync()).Should().Be(before);
    }

    [Fact]
    public async Task Facility_staff_writing_to_another_facilitys_inmate_get_403_and_nothing_is_written()
    {
        var w = await WorldAsync();
        var staff = await AsAsync(Role.FacilityStaff, w);
        var before = await fixture.EventCountAsync();

        var housing = await staff.PostAsync($"/inmates/{w.OtherInmate}/housing", new { wardId = w.Other.MaleWard });
        var admission = await staff.PostAsync("/inmates", Scenario.Admission(w.Other.Id));
        var wages = await staff.PostAsync($"/inmates/{w.OtherInmate}/wage-account/credits",
            new { kind = "Wage", amountMinor = 100, currency = "PKR", description = "Wages", creditedAt = Scenario.Past });
        var restraint = await staff.PostAsync($"/inmates/{w.OtherInmate}/restraints",
            new { instrument = "Handcuffs", reason = "PreventHarm", authorisedBy = "DS", medicalOfficerInformed = true });
        var incident = await staff.PostAsync($"/inmates/{w.OtherInmate}/custody-incidents",
            new { kind = "SeriousInjury", occurredAt = Scenario.Past, place = "Yard", circumstances = "Fall" });
        var contact = await staff.PostAsync($"/inmates/{w.OtherInmate}/family-contacts", new { contactName = "Sana", relation = "Child", mode = "Phone" });

        foreach (var r in new[] { housing, admission, wages, restraint, incident, contact })
        {
            r.Status.Should().Be(HttpStatusCode.Forbidden, r.ToString());
            r.Code.Should().Be("outside_grants");
        }
        (await fixture.EventCountAsync()).Should().Be(before);
        (await staff.PostAsync($"/inmates/{w.Inmate}/housing", new { wardId = w.Facility.MaleWard })).Status.Should().Be(HttpStatusCode.OK);
    }

    private static string[] ReadsOf(Guid inmate, Guid programme, Guid facility) =>
    [
        $"/inmates/{inmate}", $"/read-models/inmates/{inmate}/timeline", $"/inmates/{inmate}/wage-account",
        $"/read-models/wages/inmates/{inmate}/statement", $"/read-models/compliance/inmates/{inmate}",
        $"/audit/wages/inmates/{inmate}/balances", $"/oversight/inmates/{inmate}/findings", $"/programmes/{programme}",
        $"/facilities/{facility}", $"/read-models/compliance/facilities/{facility}", $"/read-models/dashboard?facilityId={facility}",
        $"/inmates?facilityId={facility}",
    ];

    [Theory]
    [InlineData(nameof(Role.FacilityStaff))]
    [InlineData(nameof(Role.Instructor))]
    public async Task Facility_bound_staff_read_records_only_at_their_own_facilities(string roleName)
    {
        var w = await WorldAsync();
        var staff = await AsAsync(Enum.Parse<Role>(roleName), w);

        var reached = 0;
        foreach (var (own, other) in ReadsOf(w.Inmate, w.Programme, w.Facility.Id).Zip(ReadsOf(w.OtherInmate, w.OtherProgramme, w.Other.Id)))
        {
            var r = await staff.GetAsync(other);
            r.Status.Should().Be(HttpStatusCode.Forbidden, other);
            // where the role's policies reach at all (at its own facility), the refusal is the scope's
            if ((await staff.GetAsync(own)).Status == HttpStatusCode.Forbidden) continue;
            r.Code.Should().Be("outside_grants", other);
            reached++;
        }
        reached.Should().BeGreaterThanOrEqualTo(6, "most of these reads are open to both roles");
    }

    [Fact]
    public async Task Lists_show_facility_bound_staff_only_their_own_facilities_and_auditors_every_facility()
    {
        var w = await WorldAsync();
        static async Task<List<Guid>> Inmates(Api api) =>
            (await api.GetAsync("/inmates")).Body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("inmateId").GetGuid()).ToList();

        (await Inmates(await AsAsync(Role.FacilityStaff, w))).Should().Equal(w.Inmate);
        (await Inmates(await AsAsync(Role.Instructor, w))).Should().Equal(w.Inmate);
        (await Inmates(await AsAsync(Role.Auditor, w))).Should().BeEquivalentTo([w.Inmate, w.OtherInmate]);
        var facilities = (await (await AsAsync(Role.FacilityStaff, w)).GetAsync("/ui/facilities")).Body.EnumerateArray()
            .Select(f => f.GetProperty("facilityId").GetGuid()).ToList();
        facilities.Should().Equal(w.Facility.Id);
    }

    [Fact]
    public async Task Instructors_enrol_only_at_their_own_programmes()
    {
        var w = await WorldAsync();
        var instructor = await AsAsync(Role.Instructor, w);
        var before = await fixture.EventCountAsync();

        var elsewhere = await instructor.PostAsync($"/programmes/{w.OtherProgramme}/enrolments", new { inmateId = w.OtherInmate, enrolledAt = Scenario.Past });

        elsewhere.Status.Should().Be(HttpStatusCode.Forbidden);
        (await fixture.EventCountAsync()).Should().Be(before);
        var other = await Given.AdmitAsync(w.Facility.Id);
        (await instructor.PostAsync($"/programmes/{w.Programme}/enrolments", new { inmateId = other, enrolledAt = Scenario.Past }))
            .Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Auditors_read_financial_history_and_write_nothing()
    {
        var w = await WorldAsync();
        var auditor = await AsAsync(Role.Auditor, w);

        (await auditor.GetAsync($"/inmates/{w.Inmate}/wage-account")).Status.Should().Be(HttpStatusCode.OK);
        (await auditor.GetAsync($"/read-models/wages/inmates/{w.Inmate}/statement")).Status.Should().Be(HttpStatusCode.OK);
        (await auditor.PostAsync($"/inmates/{w.Inmate}/wage-account/credits", new { kind = "Wage", amountMinor = 100 })).Status
            .Should().Be(HttpStatusCode.Forbidden);
        (await auditor.PostAsync("/admin/users", new { username = "mallory", displayName = "M", password = "long-enough-password" })).Status
            .Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Oversight_sees_no_names_or_cnics_unless_granted_personal_data_access()
    {
        var w = await WorldAsync();
        var oversight = await AsAsync(Role.Oversight, w);
        var granted = await AsAsync(Role.Oversight, w, personalData: true);

        var redacted = await oversight.GetAsync($"/inmates/{w.Inmate}");
        var list = await oversight.GetAsync("/inmates");
        var full = await granted.GetAsync($"/inmates/{w.Inmate}");

        redacted.Status.Should().Be(HttpStatusCode.OK);
        redacted.Body.ToString().Should().NotContain("Imran Khan Afridi").And.Contain(PersonalDataRedaction.Redacted);
        list.Body.ToString().Should().NotContain("Imran Khan Afridi");
        full.Body.ToString().Should().Contain("Imran Khan Afridi");
    }

    [Fact]
    public async Task The_actor_in_event_metadata_is_the_signed_in_user()
    {
        var w = await WorldAsync();
        var (user, client) = await TestUsers.SignedInAsync(fixture.Factory, Role.FacilityStaff, [w.Facility.Id], []);

        var r = await new Api(client).PostAsync("/inmates", Scenario.Admission(w.Facility.Id), ("X-Actor", "someone.else"));

        r.Status.Should().Be(HttpStatusCode.Created, r.ToString());
        (await fixture.ScalarAsync($"select count(*) from sc_events.mt_events where stream_id = 'inmate-{r.Id:N}' and user_name = '{user.Actor}'"))
            .Should().BeGreaterThan(0);
        (await fixture.ScalarAsync("select count(*) from sc_events.mt_events where user_name = 'someone.else'")).Should().Be(0);
    }

    [Fact]
    public async Task Reading_an_inmates_record_or_timeline_is_logged_and_auditors_see_the_log()
    {
        var w = await WorldAsync();
        var (reader, client) = await TestUsers.SignedInAsync(fixture.Factory, Role.FacilityStaff, [w.Facility.Id], []);
        var staff = new Api(client);
        var auditor = await AsAsync(Role.Auditor, w);

        await staff.GetAsync($"/inmates/{w.Inmate}");
        await staff.GetAsync($"/read-models/inmates/{w.Inmate}/timeline");
        var log = await auditor.GetAsync($"/admin/access-log?subjectId={w.Inmate}");

        log.Status.Should().Be(HttpStatusCode.OK);
        var entries = log.Body.EnumerateArray().Where(e => e.GetProperty("username").GetString() == reader.Username).ToList();
        entries.Select(e => e.GetProperty("resource").GetString()).Should().Contain([$"GET /inmates/{w.Inmate}", $"GET /read-models/inmates/{w.Inmate}/timeline"]);
        entries.Should().OnlyContain(e => e.GetProperty("userId").GetGuid() == reader.Id);
        (await staff.GetAsync("/admin/access-log")).Status.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Users_roles_and_grants_are_events_that_auditors_can_read_as_history()
    {
        var w = await WorldAsync();
        var created = await _admin.PostAsync("/admin/users",
            new { username = "sana.staff", displayName = "Sana", password = "a-long-enough-password", roles = new[] { "FacilityStaff" } });
        created.Status.Should().Be(HttpStatusCode.Created, created.ToString());
        (await _admin.PostAsync($"/admin/users/{created.Id}/facilities", new { facilityId = w.Facility.Id })).Status.Should().Be(HttpStatusCode.OK);
        (await _admin.PostAsync($"/admin/users/{created.Id}/roles/revocation", new { role = "FacilityStaff" })).Status.Should().Be(HttpStatusCode.OK);
        var auditor = await AsAsync(Role.Auditor, w);

        var history = await auditor.GetAsync($"/admin/users/{created.Id}/history");

        history.Status.Should().Be(HttpStatusCode.OK);
        history.Body.EnumerateArray().Select(e => e.GetProperty("what").GetString()).Should().Equal(
            "Registered as sana.staff", "Granted role FacilityStaff", $"Granted facility {w.Facility.Id}", "Revoked role FacilityStaff");
        history.Body.EnumerateArray().Should().OnlyContain(e => e.GetProperty("actor").GetString() == fixture.Admin.Actor);
        (await auditor.GetAsync($"/admin/users/{created.Id}")).Body.ToString().Should().NotContain("passwordHash");
    }

    [Fact]
    public async Task A_new_user_signs_in_at_once_and_a_deactivated_users_token_stops_working()
    {
        var w = await WorldAsync();
        var (user, client) = await TestUsers.SignedInAsync(fixture.Factory, Role.Auditor, [], []);
        var api = new Api(client);
        (await api.GetAsync("/auth/me")).Body.GetProperty("username").GetString().Should().Be(user.Username);

        (await _admin.PostAsync($"/admin/users/{user.Id}/deactivation", new { reason = "Left the department" })).Status.Should().Be(HttpStatusCode.OK);

        (await api.GetAsync("/read-models/wages/trial-balance")).Status.Should().Be(HttpStatusCode.Unauthorized);
        (await fixture.CreateAnonymousApi().PostAsync("/auth/token", new { username = user.Username, password = user.Password }))
            .Status.Should().Be(HttpStatusCode.Unauthorized);
    }
}
