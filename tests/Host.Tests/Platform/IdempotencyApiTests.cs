using System.Net;
using FluentAssertions;
using SecondChance.Host.Tests.Support;
using Xunit;

namespace SecondChance.Host.Tests.Platform;

public sealed class IdempotencyApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private readonly Api _api = fixture.CreateApi();
    private Scenario Given => new(_api);

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_replayed_ward_creation_returns_the_ward_id_it_created()
    {
        var facility = await Given.FacilityAsync();
        var key = Api.IdempotencyKey(Guid.NewGuid().ToString());
        var ward = new { name = "Block C", category = "AdultMale" };

        var first = await _api.PostAsync($"/facilities/{facility.Id}/wards", ward, key);
        var retry = await _api.PostAsync($"/facilities/{facility.Id}/wards", ward, key);

        retry.Id.Should().Be(first.Id).And.NotBe(facility.Id);
        retry.ETag.Should().Be(first.ETag);
        (await fixture.ScalarAsync("select count(*) from sc_events.mt_events where type = 'ward_added.v1'")).Should().Be(4);
    }

    [Fact]
    public async Task A_refused_request_is_not_remembered_so_its_key_can_be_retried_once_the_rule_is_met()
    {
        var facility = await Given.FacilityAsync(withPolicy: false);
        var inmate = await Given.AdmitAsync(facility.Id);
        var key = Api.IdempotencyKey(Guid.NewGuid().ToString());
        var credit = new { kind = "Wage", amountMinor = 1_000, creditedAt = Scenario.Past };

        (await _api.PostAsync($"/inmates/{inmate}/wage-account/credits", credit, key)).Code.Should().Be("no_proceeds_policy");
        await Given.Ok($"/facilities/{facility.Id}/proceeds-policies", Scenario.Policy("2025-01-01"));
        var retry = await _api.PostAsync($"/inmates/{inmate}/wage-account/credits", credit, key);

        retry.Status.Should().Be(HttpStatusCode.OK, retry.ToString());
        (await fixture.ScalarAsync("select count(*) from sc.idempotency_keys")).Should().Be(1);
    }

    [Fact]
    public async Task The_same_key_on_another_route_is_a_different_request_and_is_refused()
    {
        var key = Api.IdempotencyKey(Guid.NewGuid().ToString());
        await _api.PostAsync("/mentors", new { fullName = "Sana Mir", cnic = "35202-7654321-4" }, key);

        var r = await _api.PostAsync("/facilities", new { name = "Karachi Central Jail", code = "KCJ", timeZoneId = "Asia/Karachi" }, key);

        r.Code.Should().Be("idempotency_key_reused");
    }

    [Fact]
    public async Task An_idempotency_key_over_200_characters_is_400()
    {
        var r = await _api.PostAsync("/mentors", new { fullName = "Bilal Ahmed", cnic = "35202-7654321-3" },
            Api.IdempotencyKey(new string('k', 201)));

        r.ErrorFields.Should().Equal("Idempotency-Key");
    }
}
