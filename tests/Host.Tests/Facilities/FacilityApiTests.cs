using System.Net;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using SecondChance.Application;
using SecondChance.Domain;
using SecondChance.Domain.Facilities;
using SecondChance.Host.Tests.Support;
using Xunit;

namespace SecondChance.Host.Tests.Facilities;

public sealed class FacilityApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private readonly Api _api = fixture.CreateApi();
    private Scenario Given => new(_api);

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static object Registration(string code = "KCJ") => new { name = "Karachi Central Jail", code, timeZoneId = "Asia/Karachi" };

    [Fact]
    public async Task Registering_a_facility_answers_201_with_location_etag_and_id()
    {
        var r = await _api.PostAsync("/facilities", Registration());

        r.Status.Should().Be(HttpStatusCode.Created, r.ToString());
        r.Message.Headers.Location!.ToString().Should().Be($"/facilities/{r.Id}");
        r.ETag.Should().Be("\"1\"");
        r.Version.Should().Be(1);
    }

    [Fact]
    public async Task Getting_a_facility_returns_its_state_and_version_as_etag()
    {
        var facility = await Given.FacilityAsync();

        var r = await _api.GetAsync($"/facilities/{facility.Id}");

        r.Status.Should().Be(HttpStatusCode.OK);
        r.ETag.Should().Be("\"5\"");
        r.Body.GetProperty("state").GetProperty("name").GetString().Should().Be("Karachi Central Jail");
        r.Body.GetProperty("state").GetProperty("wards").EnumerateObject().Should().HaveCount(3);
    }

    [Fact]
    public async Task Getting_an_unknown_facility_is_404_problem()
    {
        var r = await _api.GetAsync($"/facilities/{Guid.NewGuid()}");

        r.Status.Should().Be(HttpStatusCode.NotFound);
        r.Message.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task Adding_a_ward_to_an_unknown_facility_is_404()
    {
        var r = await _api.PostAsync($"/facilities/{Guid.NewGuid()}/wards", new { name = "A", category = "AdultMale" });

        r.Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_ward_without_designation_where_untried_and_convicted_are_separated_is_refused_with_its_code()
    {
        var id = (await _api.PostAsync("/facilities", new
        {
            name = "Peshawar Central Prison", code = "PCP", timeZoneId = "Asia/Karachi", separatesUntriedFromConvicted = true,
        })).Id;

        var r = await _api.PostAsync($"/facilities/{id}/wards", new { name = "Block B", category = "AdultMale" });

        r.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        r.Code.Should().Be("ward_designation_required");
    }

    [Fact]
    public async Task A_different_policy_from_an_already_used_date_is_refused_and_nothing_is_written()
    {
        var facility = await Given.FacilityAsync();
        var before = await fixture.EventCountAsync();

        var r = await _api.PostAsync($"/facilities/{facility.Id}/proceeds-policies", Scenario.Policy("2025-01-01", inmateShare: 5000));

        r.Code.Should().Be("policy_already_adopted");
        (await fixture.EventCountAsync()).Should().Be(before);
    }

    [Fact]
    public async Task A_policy_whose_shares_do_not_add_up_is_refused_as_invalid_policy()
    {
        var facility = await Given.FacilityAsync(withPolicy: false);

        var r = await _api.PostAsync($"/facilities/{facility.Id}/proceeds-policies", new
        {
            effectiveFrom = "2025-01-01", inmateShareBasisPoints = 6000, welfareFundBasisPoints = 3000,
            materialsRecoveryBasisPoints = 500, savingsRateBasisPoints = 2500,
        });

        r.Code.Should().Be("invalid_policy");
    }

    [Fact]
    public async Task Compliance_thresholds_are_set_with_put()
    {
        var facility = await Given.FacilityAsync();

        var r = await _api.PutAsync($"/facilities/{facility.Id}/compliance-thresholds", new { segregationLimitDays = 10, screeningDeadlineHours = 12 });

        r.Status.Should().Be(HttpStatusCode.OK, r.ToString());
        r.Version.Should().Be(6);
    }

    [Fact]
    public async Task Missing_fields_are_400_with_an_error_per_field()
    {
        var r = await _api.PostAsync("/facilities", new { code = "KCJ" });

        r.Status.Should().Be(HttpStatusCode.BadRequest);
        r.ErrorFields.Should().BeEquivalentTo("name", "timeZoneId");
    }

    [Fact]
    public async Task An_unknown_time_zone_is_400()
    {
        var r = await _api.PostAsync("/facilities", new { name = "X", code = "X", timeZoneId = "Mars/Olympus" });

        r.ErrorFields.Should().Equal("timeZoneId");
    }

    [Fact]
    public async Task Malformed_json_is_400()
    {
        var r = await _api.SendRawAsync(HttpMethod.Post, "/facilities", "{\"name\": ", []);

        r.Status.Should().Be(HttpStatusCode.BadRequest);
        r.ErrorFields.Should().NotBeEmpty();
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_400_naming_the_field()
    {
        var facility = await Given.FacilityAsync();

        var r = await _api.SendRawAsync(HttpMethod.Put, $"/facilities/{facility.Id}/compliance-thresholds",
            "{\"segregationLimitDays\": \"ten\", \"screeningDeadlineHours\": 12}", []);

        r.Status.Should().Be(HttpStatusCode.BadRequest);
        r.ErrorFields.Should().Equal("segregationLimitDays");
    }

    [Fact]
    public async Task An_enum_given_as_a_number_or_unknown_name_is_400()
    {
        var facility = await Given.FacilityAsync();

        var number = await _api.SendRawAsync(HttpMethod.Post, $"/facilities/{facility.Id}/wards", "{\"name\":\"A\",\"category\":1}", []);
        var unknown = await _api.PostAsync($"/facilities/{facility.Id}/wards", new { name = "A", category = "Dormitory" });

        number.ErrorFields.Should().Equal("category");
        unknown.ErrorFields.Should().Equal("category");
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413()
    {
        var r = await _api.PostAsync("/facilities", new { name = new string('x', 70_000), code = "KCJ", timeZoneId = "Asia/Karachi" });

        r.Status.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415()
    {
        var r = await _api.SendRawAsync(HttpMethod.Post, "/facilities", "name=x", [], "application/x-www-form-urlencoded");

        r.Status.Should().Be(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_stale_if_match_is_412_with_the_current_etag_and_version_and_writes_nothing()
    {
        var facility = await Given.FacilityAsync();
        var before = await fixture.EventCountAsync();

        var r = await _api.PostAsync($"/facilities/{facility.Id}/wards", new { name = "Block Z", category = "AdultMale" }, Api.IfMatch(2));

        r.Status.Should().Be(HttpStatusCode.PreconditionFailed);
        r.Message.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        r.ETag.Should().Be("\"5\"");
        r.Body.GetProperty("etag").GetString().Should().Be("\"5\"");
        r.Body.GetProperty("currentVersion").GetInt64().Should().Be(5);
        r.Body.GetProperty("expectedVersion").GetInt64().Should().Be(2);
        r.Body.GetProperty("actualVersion").GetInt64().Should().Be(5);
        (await fixture.EventCountAsync()).Should().Be(before);
    }

    [Fact]
    public async Task A_race_lost_without_if_match_is_thrown_for_wolverine_to_retry_and_with_if_match_is_a_failed_precondition()
    {
        var facility = await Given.FacilityAsync();
        var services = fixture.Factory.Services;
        var executor = services.GetRequiredService<CommandExecutor>();
        var stale = await services.GetRequiredService<Streams>().FacilityAsync(facility.Id, CancellationToken.None);
        await Given.Ok($"/facilities/{facility.Id}/wards", new { name = "Block Y", category = "AdultMale" });
        var decision = FacilityDecider.Decide(stale.State, new AddWard(facility.Id, Guid.NewGuid(), "Block Z", WardCategory.AdultMale, WardDesignation.Mixed), executor.Now);

        var unpinned = () => executor.CommitAsync(new CommandContext("test", Guid.NewGuid()), facility.Id, stale, decision, CancellationToken.None);
        var pinned = await executor.CommitAsync(new CommandContext("test", Guid.NewGuid(), ExpectedVersion: stale.Version), facility.Id, stale, decision,
            CancellationToken.None);

        var lost = (await unpinned.Should().ThrowAsync<SecondChance.Integrity.Events.ConcurrencyException>()).Which;
        (lost.StreamId, lost.Expected.Value, lost.ActualVersion).Should().Be((StreamIds.Facility(facility.Id), 5L, 6L));
        pinned.Status.Should().Be(CommandStatus.Conflict);
        pinned.Conflict!.FromIfMatch.Should().BeTrue();
        pinned.Conflict.ActualVersion.Should().Be(6);
    }

    [Fact]
    public async Task A_matching_if_match_is_accepted()
    {
        var facility = await Given.FacilityAsync();

        var r = await _api.PostAsync($"/facilities/{facility.Id}/wards", new { name = "Block Z", category = "AdultMale" }, Api.IfMatch(5));

        r.Status.Should().Be(HttpStatusCode.OK);
        r.Version.Should().Be(6);
    }

    [Fact]
    public async Task A_malformed_if_match_is_400()
    {
        var facility = await Given.FacilityAsync();

        var r = await _api.PostAsync($"/facilities/{facility.Id}/wards", new { name = "Z", category = "AdultMale" }, ("If-Match", "\"abc\""));

        r.ErrorFields.Should().Equal("If-Match");
    }

    [Fact]
    public async Task A_retry_with_the_same_idempotency_key_returns_the_original_response_and_writes_once()
    {
        var key = Api.IdempotencyKey($"register-{Guid.NewGuid()}");

        var first = await _api.PostAsync("/facilities", Registration(), key);
        var count = await fixture.EventCountAsync();
        var retry = await _api.PostAsync("/facilities", Registration(), key);

        retry.Status.Should().Be(HttpStatusCode.Created);
        retry.Id.Should().Be(first.Id);
        retry.Message.Headers.Location.Should().Be(first.Message.Headers.Location);
        retry.Header("Idempotent-Replayed").Should().Be("true");
        (await fixture.EventCountAsync()).Should().Be(count).And.Be(1);
    }

    [Fact]
    public async Task Reusing_an_idempotency_key_for_a_different_body_is_422_idempotency_key_reused()
    {
        var key = Api.IdempotencyKey($"register-{Guid.NewGuid()}");
        await _api.PostAsync("/facilities", Registration("KCJ"), key);

        var r = await _api.PostAsync("/facilities", Registration("PCP"), key);

        r.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        r.Code.Should().Be("idempotency_key_reused");
        (await fixture.EventCountAsync()).Should().Be(1);
    }

    [Fact]
    public async Task Concurrent_requests_with_one_idempotency_key_store_one_set_of_events()
    {
        var key = Api.IdempotencyKey($"register-{Guid.NewGuid()}");

        var all = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _api.PostAsync("/facilities", Registration(), key)));

        all.Select(r => r.Status).Should().AllBeEquivalentTo(HttpStatusCode.Created);
        all.Select(r => r.Id).Distinct().Should().HaveCount(1);
        (await fixture.EventCountAsync()).Should().Be(1);
    }

    [Fact]
    public async Task Correlation_id_and_the_signed_in_user_are_recorded_in_event_metadata_and_an_actor_header_is_ignored()
    {
        var correlation = Guid.NewGuid();

        var r = await _api.PostAsync("/facilities", Registration(),
            ("X-Correlation-Id", correlation.ToString()), ("X-Actor", "welfare.officer@kcj"));

        r.Header("X-Correlation-Id").Should().Be(correlation.ToString());
        (await fixture.ScalarAsync(
            $"select count(*) from sc_events.mt_events where correlation_id = '{correlation}' and user_name = '{fixture.Admin.Actor}'")).Should().Be(1);
    }

    [Fact]
    public async Task Without_headers_a_correlation_id_is_generated_and_echoed()
    {
        var r = await _api.PostAsync("/facilities", Registration());

        var echoed = Guid.Parse(r.Header("X-Correlation-Id")!);
        (await fixture.ScalarAsync(
            $"select count(*) from sc_events.mt_events where correlation_id = '{echoed}' and user_name = '{fixture.Admin.Actor}'")).Should().Be(1);
    }
}
