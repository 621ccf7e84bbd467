using System.Net;
using FluentAssertions;
using SecondChance.Host.Tests.Support;
using Xunit;

namespace SecondChance.Host.Tests.Inmates;

public sealed class InmateApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private readonly Api _api = fixture.CreateApi();
    private Scenario Given => new(_api);

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Admitting_an_inmate_is_201_and_reserves_the_prisoner_number()
    {
        var facility = await Given.FacilityAsync();

        var r = await _api.PostAsync("/inmates", Scenario.Admission(facility.Id, number: "KCJ-100"));

        r.Status.Should().Be(HttpStatusCode.Created, r.ToString());
        r.Message.Headers.Location!.ToString().Should().Be($"/inmates/{r.Id}");
        (await fixture.ScalarAsync("select count(*) from sc_events.mt_streams where id like 'prisoner-number-%'")).Should().Be(1);
    }

    [Fact]
    public async Task A_prisoner_number_taken_at_the_facility_is_refused_and_nothing_is_written()
    {
        var facility = await Given.FacilityAsync();
        await Given.Created("/inmates", Scenario.Admission(facility.Id, number: "KCJ-7"));
        var before = await fixture.EventCountAsync();

        var r = await _api.PostAsync("/inmates", Scenario.Admission(facility.Id, number: "kcj-7"));

        r.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        r.Code.Should().Be("prisoner_number_taken");
        r.Body.GetProperty("detail").GetString().Should().NotBeNullOrEmpty();
        (await fixture.EventCountAsync()).Should().Be(before);
    }

    [Fact]
    public async Task Admission_to_an_unregistered_facility_is_refused_as_facility_not_found()
    {
        var r = await _api.PostAsync("/inmates", Scenario.Admission(Guid.NewGuid()));

        r.Code.Should().Be("facility_not_found");
    }

    [Fact]
    public async Task An_admission_in_the_future_is_refused_as_date_in_future()
    {
        var facility = await Given.FacilityAsync();
        var admission = System.Text.Json.JsonSerializer.SerializeToNode(Scenario.Admission(facility.Id), Api.Json)!;
        admission["admittedAt"] = "2030-01-01T00:00:00Z";

        var r = await _api.SendRawAsync(HttpMethod.Post, "/inmates", admission.ToJsonString(), []);

        r.Code.Should().Be("date_in_future");
    }

    [Theory]
    [InlineData("4210112345671")]
    [InlineData("42101-123456-71")]
    [InlineData("ABCDE-1234567-1")]
    public async Task A_malformed_cnic_is_400_on_the_cnic_field(string cnic)
    {
        var facility = await Given.FacilityAsync();
        var admission = System.Text.Json.JsonSerializer.SerializeToNode(Scenario.Admission(facility.Id), Api.Json)!;
        admission["cnic"] = cnic;

        var r = await _api.SendRawAsync(HttpMethod.Post, "/inmates", admission.ToJsonString(), []);

        r.Status.Should().Be(HttpStatusCode.BadRequest);
        r.ErrorFields.Should().Equal("cnic");
    }

    [Fact]
    public async Task Admission_missing_fields_lists_each_missing_field()
    {
        var r = await _api.PostAsync("/inmates", new { fullName = "A" });

        r.ErrorFields.Should().Contain(["facilityId", "prisonerNumber", "cnic", "sex", "dateOfBirth", "legalStatus", "committalAuthority", "admittedAt"]);
    }

    [Fact]
    public async Task A_date_of_the_wrong_shape_is_400_naming_the_field()
    {
        var r = await _api.SendRawAsync(HttpMethod.Post, "/inmates", "{\"dateOfBirth\": \"05/05/1990\"}", []);

        r.ErrorFields.Should().Equal("dateOfBirth");
    }

    [Fact]
    public async Task Getting_an_inmate_returns_state_details_and_etag()
    {
        var facility = await Given.FacilityAsync();
        var inmate = await Given.AdmitAsync(facility.Id);

        var r = await _api.GetAsync($"/inmates/{inmate}");

        r.ETag.Should().Be("\"1\"");
        r.Body.GetProperty("state").GetProperty("status").GetString().Should().Be("Admitted");
        r.Body.GetProperty("details").GetProperty("fullName").GetString().Should().Be("Imran Khan Afridi");
    }

    [Fact]
    public async Task Housing_a_juvenile_in_an_adult_ward_is_refused_without_an_override_reason()
    {
        var facility = await Given.FacilityAsync();
        var juvenile = await Given.AdmitAsync(facility.Id, dateOfBirth: "2009-01-01");

        var r = await _api.PostAsync($"/inmates/{juvenile}/housing", new { wardId = facility.MaleWard });

        r.Code.Should().Be("juvenile_in_adult_ward");
    }

    [Fact]
    public async Task Housing_a_juvenile_in_an_adult_ward_with_an_override_reason_records_the_reason()
    {
        var facility = await Given.FacilityAsync();
        var juvenile = await Given.AdmitAsync(facility.Id, dateOfBirth: "2009-01-01");

        var r = await _api.PostAsync($"/inmates/{juvenile}/housing",
            new { wardId = facility.MaleWard, juvenileOverrideReason = "Youth ward closed for repairs" });

        r.Status.Should().Be(HttpStatusCode.OK, r.ToString());
        (await fixture.ScalarAsync(
            "select count(*) from sc_events.mt_events where type = 'inmate_housed.v1' and data->>'juvenileOverrideReason' = 'Youth ward closed for repairs'"))
            .Should().Be(1);
    }

    [Fact]
    public async Task Housing_a_man_in_a_female_ward_is_refused_as_ward_sex_mismatch()
    {
        var facility = await Given.FacilityAsync();
        var inmate = await Given.AdmitAsync(facility.Id);

        var r = await _api.PostAsync($"/inmates/{inmate}/housing", new { wardId = facility.FemaleWard });

        r.Code.Should().Be("ward_sex_mismatch");
    }

    [Fact]
    public async Task Housing_in_an_unknown_ward_is_refused_as_ward_not_found()
    {
        var facility = await Given.FacilityAsync();
        var inmate = await Given.AdmitAsync(facility.Id);

        var r = await _api.PostAsync($"/inmates/{inmate}/housing", new { wardId = Guid.NewGuid() });

        r.Code.Should().Be("ward_not_found");
    }

    [Fact]
    public async Task Female_entry_screening_for_a_man_is_refused()
    {
        var facility = await Given.FacilityAsync();
        var inmate = await Given.AdmitAsync(facility.Id);

        var r = await _api.PostAsync($"/inmates/{inmate}/medical-screenings", new
        {
            screenedAt = Scenario.Past, screenedBy = "Dr. Hina", summary = "Fit",
            femaleEntryScreening = new { pregnant = false, breastfeeding = false, childrenAccompanying = 0 },
        });

        r.Code.Should().Be("female_screening_only_for_women");
    }

    [Fact]
    public async Task Female_entry_screening_for_a_woman_is_recorded()
    {
        var facility = await Given.FacilityAsync();
        var inmate = await Given.AdmitAsync(facility.Id, sex: "Female");

        var r = await _api.PostAsync($"/inmates/{inmate}/medical-screenings", new
        {
            screenedAt = Scenario.Past, screenedBy = "Dr. Hina", summary = "Fit",
            femaleEntryScreening = new { pregnant = true, breastfeeding = false, childrenAccompanying = 1 },
        });

        r.Status.Should().Be(HttpStatusCode.OK, r.ToString());
        r.Version.Should().Be(2);
    }

    [Fact]
    public async Task Segregation_starts_ends_and_a_second_start_is_refused()
    {
        var facility = await Given.FacilityAsync();
        var inmate = await Given.AdmitAsync(facility.Id);
        var segregation = new { reason = "Violence", authorisedBy = "Superintendent", at = Scenario.Past };

        (await _api.PostAsync($"/inmates/{inmate}/segregation", segregation)).Status.Should().Be(HttpStatusCode.OK);
        (await _api.PostAsync($"/inmates/{inmate}/segregation", segregation)).Code.Should().Be("already_segregated");
        (await _api.PostAsync($"/inmates/{inmate}/segregation/end", segregation)).Status.Should().Be(HttpStatusCode.OK);
        (await _api.PostAsync($"/inmates/{inmate}/segregation/end", segregation)).Code.Should().Be("not_segregated");
    }

    [Fact]
    public async Task Transfer_to_the_same_facility_is_refused_and_to_another_moves_the_inmate()
    {
        var kcj = await Given.FacilityAsync();
        var other = await Given.FacilityAsync();
        var inmate = await Given.AdmitAsync(kcj.Id);

        var same = await _api.PostAsync($"/inmates/{inmate}/transfers", new { toFacilityId = kcj.Id, prisonerNumber = "X-1", transferredAt = Scenario.Past });
        var moved = await _api.PostAsync($"/inmates/{inmate}/transfers", new { toFacilityId = other.Id, prisonerNumber = "PCP-1", transferredAt = Scenario.Past });

        same.Code.Should().Be("same_facility");
        moved.Status.Should().Be(HttpStatusCode.OK, moved.ToString());
        var list = await _api.GetAsync($"/inmates?facilityId={other.Id}");
        list.Body.GetProperty("totalCount").GetInt64().Should().Be(1);
    }

    [Fact]
    public async Task Transfer_while_enrolled_is_refused_as_active_enrolment()
    {
        var (_, _, inmate) = await Given.EnrolledInmateAsync();
        var other = await Given.FacilityAsync();

        var r = await _api.PostAsync($"/inmates/{inmate}/transfers", new { toFacilityId = other.Id, prisonerNumber = "PCP-2", transferredAt = Scenario.Past });

        r.Code.Should().Be("active_enrolment");
    }

    [Fact]
    public async Task Legal_status_change_and_attribution_consent_are_recorded()
    {
        var facility = await Given.FacilityAsync();
        var inmate = await Given.AdmitAsync(facility.Id);

        var status = await _api.PutAsync($"/inmates/{inmate}/legal-status", new { to = "Remand", changedAt = Scenario.Past, reference = "Appeal 12/2025" });
        var given = await _api.PostAsync($"/inmates/{inmate}/attribution-consent", new { at = Scenario.Past });
        var withdrawn = await _api.PostAsync($"/inmates/{inmate}/attribution-consent/withdrawal", new { at = Scenario.Past });

        status.Version.Should().Be(2);
        given.Version.Should().Be(3);
        withdrawn.Version.Should().Be(4);
    }
}
