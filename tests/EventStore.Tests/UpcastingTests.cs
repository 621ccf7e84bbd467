using System.Text.Json.Nodes;
using FluentAssertions;
using Xunit;

namespace SecondChance.EventStore.Tests;

public sealed record ItemAddedV2(string Name, long PriceMinor, string Currency);
public sealed record LegacyItemAdded(string Title, decimal Rupees);

public sealed class UpcastingTests(StoreFixture db) : IClassFixture<StoreFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => db.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Events_stored_under_a_retired_alias_are_read_as_the_current_record()
    {
        await db.Store.AppendAsync(new StreamAppend("basket-1", "basket", ExpectedVersion.NoStream, [NewEvent.For(new ItemAdded("brush", 500))]));

        var current = new EventTypeRegistry()
            .Register<ItemAddedV2>("item_added.v2")
            .AddUpcaster("item_added.v1", "item_added.v2", v1 =>
            {
                var v2 = (JsonObject)v1.DeepClone();
                v2["currency"] = "PKR";
                return v2;
            });
        var reader = db.CreateStore(current);

        var events = await reader.ReadStreamAsync("basket-1");
        events.Single().Data.Should().Be(new ItemAddedV2("brush", 500, "PKR"));
        events.Single().Alias.Should().Be("item_added.v2");
    }

    [Fact]
    public void A_typed_upcaster_is_a_pure_function_of_the_old_shape()
    {
        var registry = new EventTypeRegistry()
            .Register<ItemAddedV2>("item_added.v2")
            .AddUpcaster<LegacyItemAdded, ItemAddedV2>("legacy_item_added.v1",
                old => new ItemAddedV2(old.Title, (long)(old.Rupees * 100), "PKR"));

        var (alias, data) = registry.Deserialize("legacy_item_added.v1", """{"title":"vase","rupees":12.5}""");

        alias.Should().Be("item_added.v2");
        data.Should().Be(new ItemAddedV2("vase", 1250, "PKR"));
    }

    [Fact]
    public void Aliases_must_be_stable_snake_case_with_a_version()
    {
        var act = () => new EventTypeRegistry().Register<ItemAdded>("SecondChance.ItemAdded");
        act.Should().Throw<ArgumentException>().WithMessage("*inmate_admitted.v1*");
    }

    [Fact]
    public void One_alias_cannot_name_two_types()
    {
        var act = () => new EventTypeRegistry().Register<ItemAdded>("item_added.v1").Register<ItemRemoved>("item_added.v1");
        act.Should().Throw<ArgumentException>();
    }
}
