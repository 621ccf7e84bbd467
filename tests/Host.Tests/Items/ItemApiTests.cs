using System.Net;
using FluentAssertions;
using SecondChance.Host.Tests.Support;
using Xunit;

namespace SecondChance.Host.Tests.Items;

public sealed class ItemApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private readonly Api _api = fixture.CreateApi();
    private Scenario Given => new(_api);

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static object Sale(Guid? saleId = null, long price = 1_000_000) => new
    {
        saleId, priceMinor = price, currency = "PKR", channel = "Exhibition", buyerReference = "Expo receipt 77", soldAt = Scenario.Past,
    };

    private async Task<(Guid Item, Guid MakerA, Guid MakerB)> ListedItemByTwoMakersAsync(bool withPolicy = true)
    {
        var facility = await Given.FacilityAsync(withPolicy);
        var programme = await Given.ProgrammeAsync(facility.Id);
        var a = await Given.AdmitAsync(facility.Id);
        var b = await Given.AdmitAsync(facility.Id);
        await Given.EnrolAsync(programme, a);
        await Given.EnrolAsync(programme, b);
        return (await Given.ListedItemAsync(facility.Id, programme, (a, 60), (b, 120)), a, b);
    }

    private Task<long> ShareCreditsAsync() => fixture.ScalarAsync("select count(*) from sc_events.mt_events where type = 'share_of_sale_credited.v1'");

    [Fact]
    public async Task A_sale_credits_each_maker_by_hours_and_the_parts_add_up_to_the_price()
    {
        var (item, a, b) = await ListedItemByTwoMakersAsync();

        var r = await _api.PostAsync($"/items/{item}/sale", Sale());

        r.Status.Should().Be(HttpStatusCode.OK, r.ToString());
        (await fixture.ScalarAsync("select sum((data->>'amountMinor')::bigint) from sc_events.mt_events where type = 'share_of_sale_credited.v1'"))
            .Should().Be(600_000);
        (await fixture.ScalarAsync("""
            select (data->>'inmateShareMinor')::bigint + (data->>'welfareFundMinor')::bigint + (data->>'materialsRecoveryMinor')::bigint
              from sc_events.mt_events where type = 'sale_proceeds_distributed.v1'
            """)).Should().Be(1_000_000);
        var accountA = await _api.GetAsync($"/inmates/{a}/wage-account");
        var accountB = await _api.GetAsync($"/inmates/{b}/wage-account");
        accountA.Body.GetProperty("state").GetProperty("spendable").GetInt64().Should().Be(150_000);
        accountA.Body.GetProperty("state").GetProperty("savings").GetInt64().Should().Be(50_000);
        accountB.Body.GetProperty("state").GetProperty("savings").GetInt64().Should().Be(100_000);
    }

    [Fact]
    public async Task A_sale_recorded_twice_with_the_same_sale_id_posts_proceeds_once()
    {
        var (item, _, _) = await ListedItemByTwoMakersAsync();
        var saleId = Guid.NewGuid();

        var first = await _api.PostAsync($"/items/{item}/sale", Sale(saleId));
        var again = await _api.PostAsync($"/items/{item}/sale", Sale(saleId));

        first.Id.Should().Be(saleId);
        again.Status.Should().Be(HttpStatusCode.OK);
        again.Body.GetProperty("eventCount").GetInt32().Should().Be(0);
        (await ShareCreditsAsync()).Should().Be(2);
    }

    [Fact]
    public async Task Two_clerks_recording_the_same_sale_at_once_post_proceeds_once()
    {
        var (item, _, _) = await ListedItemByTwoMakersAsync();
        var saleId = Guid.NewGuid();

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => _api.PostAsync($"/items/{item}/sale", Sale(saleId))));

        results.Should().OnlyContain(r => r.Status == HttpStatusCode.OK || r.Code == "version_conflict");
        (await ShareCreditsAsync()).Should().Be(2);
        (await fixture.ScalarAsync("select count(*) from sc_events.mt_events where type = 'item_sold.v1'")).Should().Be(1);
    }

    [Fact]
    public async Task A_sale_retried_with_its_idempotency_key_returns_the_original_sale_and_posts_once()
    {
        var (item, _, _) = await ListedItemByTwoMakersAsync();
        var key = Api.IdempotencyKey(Guid.NewGuid().ToString());

        var first = await _api.PostAsync($"/items/{item}/sale", Sale(), key);
        var retry = await _api.PostAsync($"/items/{item}/sale", Sale(), key);

        retry.Id.Should().Be(first.Id);
        retry.Body.GetProperty("eventCount").GetInt32().Should().Be(4);
        (await ShareCreditsAsync()).Should().Be(2);
    }

    [Fact]
    public async Task A_second_sale_of_a_sold_item_is_refused_as_item_already_sold_and_posts_nothing()
    {
        var (item, _, _) = await ListedItemByTwoMakersAsync();
        await _api.PostAsync($"/items/{item}/sale", Sale());
        var before = await fixture.EventCountAsync();

        var r = await _api.PostAsync($"/items/{item}/sale", Sale());

        r.Code.Should().Be("item_already_sold");
        (await fixture.EventCountAsync()).Should().Be(before);
    }

    [Fact]
    public async Task Selling_an_unlisted_item_is_refused_as_item_not_listed()
    {
        var facility = await Given.FacilityAsync();
        var programme = await Given.ProgrammeAsync(facility.Id);
        var maker = await Given.AdmitAsync(facility.Id);
        await Given.EnrolAsync(programme, maker);
        var item = (await Given.Created("/items", Scenario.Item(facility.Id, programme, (maker, 30)))).Id;

        (await _api.PostAsync($"/items/{item}/sale", Sale())).Code.Should().Be("item_not_listed");
        (await _api.PostAsync($"/items/{item}/showings", new { channel = "Exhibition", venue = "Expo", shownAt = Scenario.Past }))
            .Code.Should().Be("item_not_listed");
    }

    [Fact]
    public async Task Selling_without_a_proceeds_policy_in_force_is_refused_as_no_proceeds_policy()
    {
        var (item, _, _) = await ListedItemByTwoMakersAsync(withPolicy: false);

        (await _api.PostAsync($"/items/{item}/sale", Sale())).Code.Should().Be("no_proceeds_policy");
    }

    [Fact]
    public async Task An_item_made_by_an_inmate_outside_the_programme_is_refused_as_maker_not_eligible()
    {
        var facility = await Given.FacilityAsync();
        var programme = await Given.ProgrammeAsync(facility.Id);
        var outsider = await Given.AdmitAsync(facility.Id);

        var r = await _api.PostAsync("/items", Scenario.Item(facility.Id, programme, (outsider, 30)));

        r.Code.Should().Be("maker_not_eligible");
    }

    [Fact]
    public async Task An_item_without_makers_or_with_a_zero_price_is_400()
    {
        var facility = await Given.FacilityAsync();
        var programme = await Given.ProgrammeAsync(facility.Id);

        var noMakers = await _api.PostAsync("/items", Scenario.Item(facility.Id, programme));
        var zeroPrice = await _api.PostAsync($"/items/{Guid.NewGuid()}/listing", new { priceMinor = 0, listedAt = Scenario.Past });

        noMakers.ErrorFields.Should().Equal("makers");
        zeroPrice.ErrorFields.Should().Equal("priceMinor");
    }

    [Fact]
    public async Task A_fractional_amount_is_a_wrong_type_400()
    {
        var r = await _api.SendRawAsync(HttpMethod.Post, $"/items/{Guid.NewGuid()}/listing", "{\"priceMinor\": 10.5, \"listedAt\": \"2025-01-01T00:00:00Z\"}", []);

        r.ErrorFields.Should().Equal("priceMinor");
    }

    [Fact]
    public async Task Listing_an_unknown_item_is_404()
    {
        (await _api.PostAsync($"/items/{Guid.NewGuid()}/listing", new { priceMinor = 100, listedAt = Scenario.Past }))
            .Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_sold_item_cannot_be_withdrawn_and_is_returned_only_for_its_own_sale()
    {
        var (item, _, _) = await ListedItemByTwoMakersAsync();
        var saleId = (await _api.PostAsync($"/items/{item}/sale", Sale())).Id;

        (await _api.PostAsync($"/items/{item}/withdrawal", new { reason = "Damaged", withdrawnAt = Scenario.Past })).Code.Should().Be("item_already_sold");
        (await _api.PostAsync($"/items/{item}/return", new { saleId = Guid.NewGuid(), reason = "Faulty", returnedAt = Scenario.Past }))
            .Code.Should().Be("item_not_sold");
        (await _api.PostAsync($"/items/{item}/return", new { saleId, reason = "Faulty", returnedAt = Scenario.Past }))
            .Status.Should().Be(HttpStatusCode.OK);
        (await _api.GetAsync("/items?status=Returned")).Body.GetProperty("totalCount").GetInt64().Should().Be(1);
    }

    [Fact]
    public async Task A_listed_item_is_shown_and_withdrawn_and_the_list_follows()
    {
        var (item, _, _) = await ListedItemByTwoMakersAsync();

        (await _api.PostAsync($"/items/{item}/showings", new { channel = "OnlineMarketplace", venue = "Daraz", shownAt = Scenario.Past }))
            .Status.Should().Be(HttpStatusCode.OK);
        (await _api.GetAsync("/items?status=Listed")).Body.GetProperty("totalCount").GetInt64().Should().Be(1);
        (await _api.PostAsync($"/items/{item}/withdrawal", new { reason = "Damaged", withdrawnAt = Scenario.Past }))
            .Status.Should().Be(HttpStatusCode.OK);
        (await _api.GetAsync("/items?status=Withdrawn")).Body.GetProperty("totalCount").GetInt64().Should().Be(1);
    }

    [Fact]
    public async Task A_stale_if_match_on_a_sale_is_412_and_posts_nothing()
    {
        var (item, _, _) = await ListedItemByTwoMakersAsync();
        var before = await fixture.EventCountAsync();

        var r = await _api.PostAsync($"/items/{item}/sale", Sale(), Api.IfMatch(1));

        r.Status.Should().Be(HttpStatusCode.PreconditionFailed);
        r.Body.GetProperty("expectedVersion").GetInt64().Should().Be(1);
        r.Body.GetProperty("actualVersion").GetInt64().Should().Be(2);
        (await fixture.EventCountAsync()).Should().Be(before);
    }
}
