using System.Net;
using System.Text.Json;
using Alba;
using FluentAssertions;
using Given = SecondChance.Host.Tests.Support.Scenario;
using Xunit;

namespace SecondChance.Host.Tests.Scenarios;

/// <summary>The command contract that Wolverine now runs, as Alba scenarios: status codes, headers and bodies.</summary>
public sealed class CommandScenarioTests(AlbaFixture fixture) : IClassFixture<AlbaFixture>
{
    private Task<IScenarioResult> Post(string url, object body, int status, params (string Name, string Value)[] headers) =>
        fixture.Host.Scenario(s =>
        {
            s.Post.Json(body).ToUrl(url);
            s.WithBearerToken(fixture.Token);
            foreach (var (name, value) in headers) s.WithRequestHeader(name, value);
            s.StatusCodeShouldBe(status);
        });

    private static object Facility(string code) => new { name = $"Jail {code}", code, timeZoneId = "Asia/Karachi" };

    private static JsonElement Json(IScenarioResult r) => r.ReadAsJson<JsonElement>();

    [Fact]
    public async Task Registering_a_facility_answers_201_with_its_location_and_version_1_as_etag()
    {
        var r = await Post("/facilities", Facility("A1"), 201);

        var id = Json(r).GetProperty("id").GetGuid();
        r.Context.Response.Headers.Location.ToString().Should().Be($"/facilities/{id}");
        r.Context.Response.Headers.ETag.ToString().Should().Be("\"1\"");
        Json(r).GetProperty("version").GetInt64().Should().Be(1);
    }

    [Fact]
    public async Task The_same_idempotency_key_and_body_replays_the_first_answer_and_another_body_is_422()
    {
        var key = ("Idempotency-Key", Guid.NewGuid().ToString());

        var first = await Post("/facilities", Facility("B1"), 201, key);
        var replay = await Post("/facilities", Facility("B1"), 201, key);
        var other = await Post("/facilities", Facility("B2"), 422, key);

        Json(replay).GetProperty("id").GetGuid().Should().Be(Json(first).GetProperty("id").GetGuid());
        replay.Context.Response.Headers["Idempotent-Replayed"].ToString().Should().Be("true");
        Json(other).GetProperty("code").GetString().Should().Be("idempotency_key_reused");
        (await fixture.ScalarAsync("select count(*) from sc_events.mt_events where type = 'facility_registered.v1' and data->>'code' in ('B1', 'B2')"))
            .Should().Be(1);
    }

    [Fact]
    public async Task A_stale_if_match_is_412_with_the_current_etag_and_a_matching_one_is_accepted_at_the_next_version()
    {
        var facility = Json(await Post("/facilities", Facility("C1"), 201)).GetProperty("id").GetGuid();
        var ward = new { name = "Block A", category = "AdultMale" };

        var stale = await Post($"/facilities/{facility}/wards", ward, 412, ("If-Match", "\"7\""));
        var matching = await Post($"/facilities/{facility}/wards", ward, 200, ("If-Match", "\"1\""));

        stale.Context.Response.Headers.ETag.ToString().Should().Be("\"1\"");
        (Json(stale).GetProperty("expectedVersion").GetInt64(), Json(stale).GetProperty("actualVersion").GetInt64()).Should().Be((7L, 1L));
        matching.Context.Response.Headers.ETag.ToString().Should().Be("\"2\"");
    }

    [Fact]
    public async Task A_refused_command_is_422_with_its_code_an_unknown_inmate_404_and_a_malformed_field_400_naming_it()
    {
        var facility = Json(await Post("/facilities", Facility("D1"), 201)).GetProperty("id").GetGuid();
        var inmate = Json(await Post("/inmates", Given.Admission(facility), 201)).GetProperty("id").GetGuid();
        var refused = await Post($"/inmates/{inmate}/wage-account/credits", new { kind = "Wage", amountMinor = 1_000, creditedAt = Given.Past }, 422);
        var unknown = await Post($"/inmates/{Guid.NewGuid()}/medical-screenings",
            new { screenedAt = Given.Past, screenedBy = "Dr. Hina", summary = "Fit" }, 404);
        var malformed = await fixture.Host.Scenario(s =>
        {
            s.Post.RawJson("""{"name": "X", "code": 12, "timeZoneId": "Asia/Karachi"}""").ToUrl("/facilities");
            s.WithBearerToken(fixture.Token);
            s.StatusCodeShouldBe(HttpStatusCode.BadRequest);
        });

        Json(refused).GetProperty("code").GetString().Should().Be("no_proceeds_policy");
        Json(unknown).GetProperty("status").GetInt32().Should().Be(404);
        Json(malformed).GetProperty("errors").TryGetProperty("code", out _).Should().BeTrue(Json(malformed).ToString());
    }
}
