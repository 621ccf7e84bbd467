using FluentAssertions;
using Marten;
using Xunit;

namespace SecondChance.Integrity.Tests;

public sealed class UpcastingTests
{
    /// <summary>A price once stored in whole rupees as a decimal...</summary>
    public sealed record ItemPricedV1(Guid ItemId, decimal Rupees);

    /// <summary>...and today kept as paisa with its currency.</summary>
    public sealed record ItemPriced(Guid ItemId, long PriceMinor, string Currency);

    public static ItemPriced Upcast(ItemPricedV1 old) => new(old.ItemId, (long)(old.Rupees * 100m), "PKR");

    [Fact]
    public async Task An_event_stored_in_its_old_shape_is_read_in_the_new_shape_through_martens_upcaster()
    {
        var item = Guid.NewGuid();
        var stream = $"item-{item:N}";
        await using var db = await TestStore.CreateAsync(configure: o => o.Events.MapEventType<ItemPricedV1>("item_priced.v1"));
        await db.AppendAsync(stream, new ItemPricedV1(item, 1250.5m));
        (await db.ScalarAsync<string>("select data::text from {schema}.mt_events where stream_id = $1", stream))
            .Should().Be($$"""{"itemId": "{{item}}", "rupees": 1250.5}""");

        await using var today = DocumentStore.For(o =>
        {
            o.Connection(db.ConnectionString);
            o.ConfigureSecondChanceEvents();
            o.Events.MapEventType<ItemPriced>("item_priced.v2");
            o.Events.Upcast<ItemPricedV1, ItemPriced>("item_priced.v1", Upcast);
        });
        await using var session = today.QuerySession();
        var events = await session.Events.FetchStreamAsync(stream);

        events.Should().ContainSingle().Which.Data.Should().Be(new ItemPriced(item, 125_050, "PKR"));
    }
}
