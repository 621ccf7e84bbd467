using System.Net;
using System.Text.Json;
using FluentAssertions;
using SecondChance.Domain.Access;
using SecondChance.Domain.Compliance;
using SecondChance.Host.Security;
using SecondChance.Host.Tests.Support;
using Xunit;

namespace SecondChance.Host.Tests.Audit;

public sealed class OversightApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private readonly Api _api = fixture.CreateApi();
    private Scenario Given => new(_api);

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(Guid Facility, Guid Inmate)> HousedInmateAsync(string admittedAt = "2025-01-10T10:00:00+05:00")
    {
        var facility = await Given.FacilityAsync();
        var body = JsonSerializer.SerializeToNode(Scenario.Admission(facility.Id), Api.Json)!;
        body["admittedAt"] = admittedAt;
        var inmate = (await Given.Created("/inmates", body)).Id;
        await Given.Ok($"/inmates/{inmate}/housing", new { wardId = facility.MaleWard });
        return (facility.Id, inmate);
    }

    private Task Segregate(Guid inmate, string from, string to) => Task.WhenAll(Task.CompletedTask).ContinueWith(async _ =>
    {
        await Given.Ok($"/inmates/{inmate}/segregation", new { reason = "Violence", authorisedBy = "Superintendent", at = from });
        await Given.Ok($"/inmates/{inmate}/segregation/end", new { reason = "Review", authorisedBy = "Superintendent", at = to });
    }).Unwrap();

    private async Task<List<JsonElement>> FindingsAsync(Guid facility, string rule, string query = "from=2025-01-01&to=2025-05-31")
    {
        await fixture.ProjectionsCaughtUpAsync();
        var r = await _api.GetAsync($"/oversight/facilities/{facility}/report?{query}");
        r.Status.Should().Be(HttpStatusCode.OK, r.ToString());
        return r.Body.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("ruleCode").GetString() == rule).ToList();
    }

    [Fact]
    public async Task Segregation_of_exactly_15_days_is_no_finding()
    {
        var (facility, inmate) = await HousedInmateAsync();
        await Segregate(inmate, "2025-02-01T09:00:00+05:00", "2025-02-16T09:00:00+05:00");

        (await FindingsAsync(facility, "prolonged_segregation")).Should().BeEmpty();
    }

    [Fact]
    public async Task Segregation_of_15_days_and_one_minute_is_a_closed_finding_with_its_start_and_end_events()
    {
        var (facility, inmate) = await HousedInmateAsync();
        await Segregate(inmate, "2025-02-01T09:00:00+05:00", "2025-02-16T09:01:00+05:00");

        var finding = (await FindingsAsync(facility, "prolonged_segregation")).Single();

        finding.GetProperty("isOpen").GetBoolean().Should().BeFalse();
        finding.GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("version").GetInt64()).Should().HaveCount(2);
        finding.GetProperty("evidence").EnumerateArray().Should().OnlyContain(e => e.GetProperty("streamId").GetString() == $"inmate-{inmate:N}");
    }

    [Fact]
    public async Task Two_spells_23_hours_apart_count_as_one_segregation()
    {
        var (facility, inmate) = await HousedInmateAsync();
        await Segregate(inmate, "2025-02-01T09:00:00+05:00", "2025-02-09T09:00:00+05:00");
        await Segregate(inmate, "2025-02-10T08:00:00+05:00", "2025-02-18T08:00:00+05:00");

        var finding = (await FindingsAsync(facility, "prolonged_segregation")).Single();

        finding.GetProperty("evidence").GetArrayLength().Should().Be(4);
        finding.GetProperty("localStartDate").GetString().Should().Be("2025-02-01");
        finding.GetProperty("localEndDate").GetString().Should().Be("2025-02-18");
    }

    [Fact]
    public async Task Two_spells_25_hours_apart_are_separate_and_neither_is_prolonged()
    {
        var (facility, inmate) = await HousedInmateAsync();
        await Segregate(inmate, "2025-02-01T09:00:00+05:00", "2025-02-09T09:00:00+05:00");
        await Segregate(inmate, "2025-02-10T10:00:00+05:00", "2025-02-18T10:00:00+05:00");

        (await FindingsAsync(facility, "prolonged_segregation")).Should().BeEmpty();
    }

    [Fact]
    public async Task Admission_just_before_midnight_in_Pakistan_is_reported_on_the_local_date()
    {
        var (facility, _) = await HousedInmateAsync(admittedAt: "2025-01-10T23:59:00+05:00");

        var finding = (await FindingsAsync(facility, "screening_missed", "from=2025-01-10&to=2025-01-10")).Single();

        finding.GetProperty("periodStart").GetDateTimeOffset().Should().Be(DateTimeOffset.Parse("2025-01-10T18:59:00Z"));
        finding.GetProperty("localStartDate").GetString().Should().Be("2025-01-10");
        finding.GetProperty("isOpen").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task Report_counts_every_rule_and_a_past_as_of_before_anything_took_effect_has_no_findings()
    {
        var (facility, inmate) = await HousedInmateAsync();
        await Segregate(inmate, "2025-02-01T09:00:00+05:00", "2025-02-20T09:00:00+05:00");

        var past = await _api.GetAsync($"/oversight/facilities/{facility}/report?from=2025-01-01&to=2025-05-31&asOf=2001-01-01T00:00:00Z");
        await fixture.ProjectionsCaughtUpAsync();
        var present = await _api.GetAsync($"/oversight/facilities/{facility}/report?from=2025-01-01&to=2025-05-31");

        past.Body.GetProperty("findings").GetArrayLength().Should().Be(0);
        present.Body.GetProperty("counts").EnumerateArray().Select(c => c.GetProperty("ruleCode").GetString())
            .Should().BeEquivalentTo(ComplianceRule.All.Select(r => r.Code));
        present.Body.GetProperty("counts").EnumerateArray().Single(c => c.GetProperty("ruleCode").GetString() == "prolonged_segregation")
            .GetProperty("closed").GetInt32().Should().Be(1);
    }

    private async Task<string> RecordedAtAsync(Guid inmate, int version)
    {
        var micros = await fixture.ScalarAsync(
            $"select (extract(epoch from timestamp) * 1000000)::bigint from sc_events.mt_events where stream_id = 'inmate-{inmate:N}' and version = {version}");
        return DateTimeOffset.UnixEpoch.AddTicks(micros * 10).ToString("O");
    }

    private static JsonElement Prolonged(ApiResponse r) =>
        r.Body.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("ruleCode").GetString() == "prolonged_segregation");

    [Fact]
    public async Task Report_as_of_a_date_judges_the_rules_at_the_end_of_that_day_with_everything_recorded_since()
    {
        var (facility, inmate) = await HousedInmateAsync();
        await Segregate(inmate, "2025-02-01T09:00:00+05:00", "2025-02-20T09:00:00+05:00");

        var tenth = await _api.GetAsync($"/oversight/facilities/{facility}/report?from=2025-01-01&to=2025-05-31&asOf=2025-02-10");
        var eighteenth = await _api.GetAsync($"/oversight/facilities/{facility}/report?from=2025-01-01&to=2025-05-31&asOf=2025-02-18");

        tenth.Body.GetProperty("findings").EnumerateArray().Should().NotContain(f => f.GetProperty("ruleCode").GetString() == "prolonged_segregation");
        var finding = Prolonged(eighteenth);
        finding.GetProperty("isOpen").GetBoolean().Should().BeTrue("on 18 February the segregation was still going on");
        finding.GetProperty("localEndDate").GetString().Should().Be("2025-02-18");
        eighteenth.Body.GetProperty("asOf").GetString().Should().Be("2025-02-18");
        eighteenth.Body.GetProperty("knownAt").ValueKind.Should().Be(JsonValueKind.Null);
        eighteenth.Body.GetProperty("judgedAt").GetDateTimeOffset().Should().Be(new DateTimeOffset(2025, 2, 18, 18, 59, 59, TimeSpan.Zero).AddTicks(9_999_999));
    }

    [Fact]
    public async Task Report_known_at_an_instant_before_the_end_of_a_segregation_was_recorded_shows_it_still_open()
    {
        var (facility, inmate) = await HousedInmateAsync();
        await Segregate(inmate, "2025-02-01T09:00:00+05:00", "2025-02-20T09:00:00+05:00");
        var started = await RecordedAtAsync(inmate, 3);

        var then = await _api.GetAsync($"/oversight/facilities/{facility}/report?from=2025-01-01&to=2025-05-31&knownAt={Uri.EscapeDataString(started)}");
        await fixture.ProjectionsCaughtUpAsync();
        var now = await _api.GetAsync($"/oversight/facilities/{facility}/report?from=2025-01-01&to=2025-05-31");

        Prolonged(then).GetProperty("isOpen").GetBoolean().Should().BeTrue();
        then.Body.GetProperty("knownAt").GetDateTimeOffset().Should().Be(DateTimeOffset.Parse(started));
        then.Body.GetProperty("source").GetString().Should().Be("event_log");
        Prolonged(now).GetProperty("isOpen").GetBoolean().Should().BeFalse();
        now.Body.GetProperty("asOf").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task Evidence_says_when_the_segregation_happened_beside_when_it_was_recorded()
    {
        var (facility, inmate) = await HousedInmateAsync();
        await Segregate(inmate, "2025-02-01T09:00:00+05:00", "2025-02-20T09:00:00+05:00");

        var evidence = (await FindingsAsync(facility, "prolonged_segregation")).Single().GetProperty("evidence").EnumerateArray().ToList();

        evidence.Select(e => e.GetProperty("occurredAt").GetDateTimeOffset())
            .Should().Equal(DateTimeOffset.Parse("2025-02-01T04:00:00Z"), DateTimeOffset.Parse("2025-02-20T04:00:00Z"));
        evidence.Select(e => e.GetProperty("localOccurredDate").GetString()).Should().Equal("2025-02-01", "2025-02-20");
        evidence[0].GetProperty("recordedAt").GetDateTimeOffset().Should().Be(DateTimeOffset.Parse(await RecordedAtAsync(inmate, 3)));
    }

    [Fact]
    public async Task Inmate_findings_say_on_which_axes_they_were_judged()
    {
        var (_, inmate) = await HousedInmateAsync();
        await Segregate(inmate, "2025-02-01T09:00:00+05:00", "2025-02-20T09:00:00+05:00");

        var r = await _api.GetAsync($"/oversight/inmates/{inmate}/findings?asOf=2025-02-18");

        r.Body.GetProperty("asOf").GetString().Should().Be("2025-02-18");
        r.Body.GetProperty("inmateId").GetGuid().Should().Be(inmate);
        Prolonged(r).GetProperty("isOpen").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task Report_names_each_finding_by_rule_title_and_prisoner_number_and_the_inmate_only_to_readers_of_personal_data()
    {
        var (facility, inmate) = await HousedInmateAsync();
        await Segregate(inmate, "2025-02-01T09:00:00+05:00", "2025-02-20T09:00:00+05:00");
        var number = (await _api.GetAsync($"/inmates/{inmate}")).Body.GetProperty("details").GetProperty("prisonerNumber").GetString();
        var oversight = new Api((await TestUsers.SignedInAsync(fixture.Factory, Role.Oversight, [], [])).Client);

        var finding = (await FindingsAsync(facility, "prolonged_segregation")).Single();
        var report = await oversight.GetAsync($"/oversight/facilities/{facility}/report?from=2025-01-01&to=2025-05-31");

        finding.GetProperty("ruleTitle").GetString().Should().Be("Prolonged segregation");
        finding.GetProperty("prisonerNumber").GetString().Should().Be(number);
        finding.GetProperty("fullName").GetString().Should().Be("Imran Khan Afridi");
        var redacted = report.Body.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("ruleCode").GetString() == "prolonged_segregation");
        redacted.GetProperty("prisonerNumber").GetString().Should().Be(number);
        redacted.GetProperty("fullName").GetString().Should().Be(PersonalDataRedaction.Redacted);
        var count = report.Body.GetProperty("counts").EnumerateArray().Single(c => c.GetProperty("ruleCode").GetString() == "prolonged_segregation");
        count.GetProperty("title").GetString().Should().Be("Prolonged segregation");
        count.GetProperty("summary").GetString().Should().NotBe(PersonalDataRedaction.Redacted);
    }

    [Fact]
    public async Task Report_as_csv_has_one_row_per_evidence_event_with_local_dates()
    {
        var (facility, inmate) = await HousedInmateAsync();
        await Segregate(inmate, "2025-02-01T09:00:00+05:00", "2025-02-20T09:00:00+05:00");

        await fixture.ProjectionsCaughtUpAsync();
        var response = await _api.Client.GetAsync($"/oversight/facilities/{facility}/report?from=2025-01-01&to=2025-05-31&format=csv");
        var rows = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        rows[0].Should().Be("facility_id,rule_code,inmate_id,period_start,period_end,local_start_date,local_end_date,is_open,detail,"
                            + "evidence_stream_id,evidence_version,evidence_recorded_at,evidence_local_date,evidence_what,evidence_occurred_at,"
                            + "evidence_local_occurred_date,as_of,effective_through,known_at,judged_at");
        rows.Count(r => r.Contains(",prolonged_segregation,")).Should().Be(2);
        response.Content.Headers.ContentDisposition!.FileName.Should().Contain("compliance-");
    }

    [Fact]
    public async Task Report_without_a_period_or_with_a_bad_date_is_400_with_field_errors()
    {
        (await _api.GetAsync($"/oversight/facilities/{Guid.NewGuid()}/report")).ErrorFields.Should().BeEquivalentTo("from", "to");
        (await _api.GetAsync($"/oversight/facilities/{Guid.NewGuid()}/report?from=2025-13-01&to=2025-01-01")).ErrorFields.Should().Equal("from");
    }
}
