using System.Net;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using SecondChance.Domain.Access;
using SecondChance.Host.Demo;
using SecondChance.Host.Tests.Support;
using Xunit;

namespace SecondChance.Host.Tests.Partners;

public sealed class PartnerOrderApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private readonly Api _api = fixture.CreateApi();
    private Scenario Given => new(_api);

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private sealed record Workshop(Scenario.Facility Facility, Guid Programme, Guid MakerA, Guid MakerB, Guid Partner);

    private async Task<Workshop> WorkshopWithBuyerAsync()
    {
        var facility = await Given.FacilityAsync();
        var programme = await Given.ProgrammeAsync(facility.Id);
        var a = await Given.AdmitAsync(facility.Id);
        var b = await Given.AdmitAsync(facility.Id);
        await Given.EnrolAsync(programme, a);
        await Given.EnrolAsync(programme, b);
        var partner = (await Given.Created("/partners", new { name = "Karachi Arts Council", kind = "ArtsCouncil", roles = new[] { "Buyer", "SalesChannel" } })).Id;
        await Given.Ok($"/partners/{partner}/memoranda", new
        {
            facilityId = facility.Id, scope = "Orders of embroidered goods for the council's shop", startsOn = "2025-01-01", endsOn = "2027-12-31",
            contactName = "Ms Rahim", contactDetails = "021-111-222",
        });
        return new Workshop(facility, programme, a, b, partner);
    }

    private async Task<Guid> PlaceAsync(Workshop w, int quantity = 2) =>
        (await Given.Created("/orders", new
        {
            partnerId = w.Partner, programmeId = w.Programme, description = "Embroidered shawls", craft = "Embroidery", quantity,
            pricePerItemMinor = 500_000, deliverBy = "2027-06-30", reference = "KAC-PO-17",
        })).Id;

    private async Task<Guid> ItemAsync(Workshop w) =>
        (await Given.Created("/items", Scenario.Item(w.Facility.Id, w.Programme, (w.MakerA, 60), (w.MakerB, 120)))).Id;

    [Fact]
    public async Task Paid_order_sells_each_item_to_the_partner_and_credits_its_makers_through_the_proceeds_split()
    {
        var w = await WorkshopWithBuyerAsync();
        var order = await PlaceAsync(w);
        var first = await ItemAsync(w);
        var second = await ItemAsync(w);
        await Given.Ok($"/orders/{order}/allocations", new { itemId = first });
        await Given.Ok($"/orders/{order}/allocations", new { itemId = second });
        (await _api.GetAsync($"/items/{first}")).Body.GetProperty("state").GetProperty("status").GetString().Should().Be("OnOrder");
        await Given.Ok($"/orders/{order}/deliveries", new { itemIds = new[] { first, second } });

        await Given.Ok($"/orders/{order}/payments", new { amountMinor = 500_000 });
        var afterOne = await _api.GetAsync($"/orders/{order}");
        afterOne.Body.GetProperty("details").GetProperty("paid").GetInt32().Should().Be(1);
        (await _api.GetAsync($"/items/{first}")).Body.GetProperty("state").GetProperty("status").GetString().Should().Be("Sold");
        (await _api.GetAsync($"/items/{second}")).Body.GetProperty("state").GetProperty("status").GetString().Should().Be("OnOrder");
        await Given.Ok($"/orders/{order}/payments", new { amountMinor = 500_000 });

        var details = (await _api.GetAsync($"/orders/{order}")).Body.GetProperty("details");
        details.GetProperty("status").GetString().Should().Be("Completed");
        details.GetProperty("paidMinor").GetInt64().Should().Be(1_000_000);
        (await fixture.ScalarAsync("""
            select count(*) from sc_events.mt_events where type = 'item_sold.v1' and data->>'channel' = 'PartnerOrder' and data->>'orderId' is not null
            """)).Should().Be(2);
        // 60 % to the makers, by minutes (1:2), 25 % of each share to savings
        var a = (await _api.GetAsync($"/inmates/{w.MakerA}/wage-account")).Body.GetProperty("state");
        var b = (await _api.GetAsync($"/inmates/{w.MakerB}/wage-account")).Body.GetProperty("state");
        (a.GetProperty("spendable").GetInt64() + a.GetProperty("savings").GetInt64()).Should().Be(200_000);
        (b.GetProperty("spendable").GetInt64() + b.GetProperty("savings").GetInt64()).Should().Be(400_000);
        b.GetProperty("savings").GetInt64().Should().Be(100_000);
    }

    [Fact]
    public async Task Market_access_counts_sales_by_channel_partner_and_month_and_leaves_out_returns()
    {
        var w = await WorkshopWithBuyerAsync();
        var order = await PlaceAsync(w, quantity: 1);
        var ordered = await ItemAsync(w);
        await Given.Ok($"/orders/{order}/allocations", new { itemId = ordered });
        await Given.Ok($"/orders/{order}/deliveries", new { itemIds = new[] { ordered } });
        await Given.Ok($"/orders/{order}/payments", new { amountMinor = 500_000 });
        var shown = await Given.ListedItemAsync(w.Facility.Id, w.Programme, (w.MakerA, 30));
        await Given.Ok($"/items/{shown}/sale", new { priceMinor = 300_000, channel = "OnlineMarketplace", partnerId = w.Partner, buyerReference = "web 9" });
        var returned = await Given.ListedItemAsync(w.Facility.Id, w.Programme, (w.MakerB, 30));
        var sale = (await Given.Ok($"/items/{returned}/sale", new { priceMinor = 200_000, channel = "Exhibition" })).Id;
        await Given.Ok($"/items/{returned}/return", new { saleId = sale, reason = "Torn seam" });
        await fixture.ProjectionsCaughtUpAsync();

        var view = (await _api.GetAsync($"/read-models/market-access?facilityId={w.Facility.Id}")).Body;

        view.GetProperty("byChannel").EnumerateArray().Select(c => (c.GetProperty("channel").GetString(), c.GetProperty("proceedsMinor").GetInt64()))
            .Should().BeEquivalentTo([("PartnerOrder", 500_000L), ("OnlineMarketplace", 300_000L)]);
        var partner = view.GetProperty("byPartner").EnumerateArray().Single();
        partner.GetProperty("name").GetString().Should().Be("Karachi Arts Council");
        partner.GetProperty("sales").GetInt32().Should().Be(2);
        partner.GetProperty("proceedsMinor").GetInt64().Should().Be(800_000);
        view.GetProperty("byMonth").EnumerateArray().Sum(m => m.GetProperty("sales").GetInt32()).Should().Be(2);
        view.GetProperty("byFacility").EnumerateArray().Single().GetProperty("partnerSales").GetInt32().Should().Be(2);
    }

    [Fact]
    public async Task Payment_for_part_of_an_item_is_refused_with_its_reason_and_writes_nothing()
    {
        var w = await WorkshopWithBuyerAsync();
        var order = await PlaceAsync(w);
        var item = await ItemAsync(w);
        await Given.Ok($"/orders/{order}/allocations", new { itemId = item });
        await Given.Ok($"/orders/{order}/deliveries", new { itemIds = new[] { item } });
        var before = await fixture.EventCountAsync();

        var part = await _api.PostAsync($"/orders/{order}/payments", new { amountMinor = 250_000 });
        var more = await _api.PostAsync($"/orders/{order}/payments", new { amountMinor = 1_000_000 });
        var none = await _api.PostAsync($"/orders/{order}/payments", new { currency = "PKR" });

        part.Code.Should().Be("payment_not_whole_items");
        more.Code.Should().Be("payment_exceeds_deliveries");
        none.Status.Should().Be(HttpStatusCode.BadRequest);
        none.ErrorFields.Should().Contain("amountMinor");
        part.Body.GetProperty("detail").GetString().Should().Contain("500000");
        (await fixture.EventCountAsync()).Should().Be(before);
    }

    [Fact]
    public async Task Item_set_aside_for_an_order_cannot_be_sold_over_the_counter_until_the_order_is_cancelled()
    {
        var w = await WorkshopWithBuyerAsync();
        var order = await PlaceAsync(w);
        var item = await ItemAsync(w);
        await Given.Ok($"/orders/{order}/allocations", new { itemId = item });

        var listing = await _api.PostAsync($"/items/{item}/listing", new { priceMinor = 700_000 });
        listing.Code.Should().Be("item_on_order");
        await Given.Ok($"/orders/{order}/cancellation", new { reason = "The council's shop closed" });

        (await _api.GetAsync($"/items/{item}")).Body.GetProperty("state").GetProperty("status").GetString().Should().Be("Produced");
        await Given.Ok($"/items/{item}/listing", new { priceMinor = 700_000 });
        (await _api.GetAsync($"/orders/{order}")).Body.GetProperty("details").GetProperty("status").GetString().Should().Be("Cancelled");
    }

    [Fact]
    public async Task Listed_item_set_aside_for_an_order_leaves_the_public_catalogue()
    {
        var w = await WorkshopWithBuyerAsync();
        var order = await PlaceAsync(w);
        var item = await Given.ListedItemAsync(w.Facility.Id, w.Programme, (w.MakerA, 30));
        await fixture.ProjectionsCaughtUpAsync();
        (await CatalogueAsync()).Should().Contain(item);

        await Given.Ok($"/orders/{order}/allocations", new { itemId = item });
        await fixture.ProjectionsCaughtUpAsync();

        (await CatalogueAsync()).Should().NotContain(item);
    }

    private async Task<List<Guid>> CatalogueAsync()
    {
        var body = (await fixture.CreateAnonymousApi().GetAsync("/read-models/catalogue?limit=100")).Body;
        var items = body.ValueKind == System.Text.Json.JsonValueKind.Array ? body : body.GetProperty("items");
        return items.EnumerateArray().Select(i => i.GetProperty("itemId").GetGuid()).ToList();
    }

    [Fact]
    public async Task Order_from_a_partner_without_a_memorandum_at_the_facility_is_refused()
    {
        var w = await WorkshopWithBuyerAsync();
        var elsewhere = (await Given.Created("/partners", new { name = "Daraz", kind = "Company", roles = new[] { "Buyer" } })).Id;

        var r = await _api.PostAsync("/orders", new
        {
            partnerId = elsewhere, programmeId = w.Programme, description = "Shawls", craft = "Embroidery", quantity = 5,
            pricePerItemMinor = 100_000, deliverBy = "2027-06-30",
        });

        r.Code.Should().Be("no_memorandum_in_force");
    }

    [Fact]
    public async Task Staff_of_another_facility_can_neither_place_nor_deliver_nor_read_an_order_here()
    {
        var w = await WorkshopWithBuyerAsync();
        var order = await PlaceAsync(w);
        var other = await Given.FacilityAsync();
        var staff = new Api(await TestUsers.ClientForAsync(fixture.Factory, Role.FacilityStaff, other.Id));
        var before = await fixture.EventCountAsync();

        var place = await staff.PostAsync("/orders", new
        {
            partnerId = w.Partner, programmeId = w.Programme, description = "Shawls", craft = "Embroidery", quantity = 1,
            pricePerItemMinor = 100_000, deliverBy = "2027-06-30",
        });
        var deliver = await staff.PostAsync($"/orders/{order}/deliveries", new { itemIds = new[] { Guid.NewGuid() } });
        var read = await staff.GetAsync($"/orders/{order}");
        var list = await staff.GetAsync("/orders");

        place.Status.Should().Be(HttpStatusCode.Forbidden);
        deliver.Status.Should().Be(HttpStatusCode.Forbidden);
        read.Status.Should().Be(HttpStatusCode.Forbidden);
        list.Body.GetProperty("totalCount").GetInt32().Should().Be(0);
        (await fixture.EventCountAsync()).Should().Be(before);
    }

    [Fact]
    public async Task Unknown_order_is_not_found()
    {
        var r = await _api.PostAsync($"/orders/{Guid.NewGuid()}/deliveries", new { itemIds = new[] { Guid.NewGuid() } });
        r.Status.Should().Be(HttpStatusCode.NotFound);
        (await _api.GetAsync($"/orders/{Guid.NewGuid()}")).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_demo_shows_a_paid_partner_order_an_open_one_and_sales_through_partners_without_a_refused_command()
    {
        var result = await fixture.Factory.Services.GetRequiredService<DemoSeeder>().SeedAsync(inmates: 6);
        result.Refused.Should().Be(0);
        await fixture.ProjectionsCaughtUpAsync();

        var orders = (await _api.GetAsync($"/orders?facilityId={DemoWorld.Karachi.Id}")).Body.GetProperty("items").EnumerateArray().ToList();
        orders.Select(o => o.GetProperty("status").GetString()).Should().BeEquivalentTo(["Completed", "Open"]);
        var market = (await _api.GetAsync($"/read-models/market-access?facilityId={DemoWorld.Karachi.Id}")).Body;
        market.GetProperty("byChannel").EnumerateArray().Select(c => c.GetProperty("channel").GetString()).Should().Contain("PartnerOrder");
        market.GetProperty("byPartner").EnumerateArray().Select(p => p.GetProperty("name").GetString())
            .Should().Contain("Arts Council of Pakistan, Karachi");
        var dashboard = await _api.GetAsync($"/read-models/dashboard?facilityId={DemoWorld.Karachi.Id}");
        dashboard.Status.Should().Be(HttpStatusCode.OK, dashboard.ToString());
        dashboard.Body.GetProperty("inmates").EnumerateArray().Sum(s => s.GetProperty("inmates").GetInt64()).Should().BeGreaterThan(0);
        var status = (await _api.GetAsync("/admin/projections")).Body.ToString();
        status.Should().NotContain("\"paused\":true", status);
        var page = await _api.Client.GetAsync("/market");
        page.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
