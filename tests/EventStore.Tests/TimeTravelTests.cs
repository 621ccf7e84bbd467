using FluentAssertions;
using Xunit;

namespace SecondChance.EventStore.Tests;

public sealed class TimeTravelTests(StoreFixture db) : IClassFixture<StoreFixture>, IAsyncLifetime
{
    private PgEventStore Store => db.Store;
    public Task InitializeAsync() => db.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private Task Add(string name, long price) =>
        Store.AppendAsync(new StreamAppend("basket-1", "basket", ExpectedVersion.Any, [NewEvent.For(new ItemAdded(name, price))]));

    private static long Total(long sum, object e) => e is ItemAdded a ? sum + a.PriceMinor : sum;

    [Fact]
    public async Task A_stream_read_up_to_a_version_stops_there()
    {
        await Add("a", 100); await Add("b", 200); await Add("c", 400);
        var (total, version) = await Store.AggregateAsync("basket-1", 0L, Total, upToVersion: 2);
        total.Should().Be(300);
        version.Should().Be(2);
    }

    [Fact]
    public async Task A_stream_read_as_of_an_instant_shows_it_as_it_stood_then()
    {
        await Add("a", 100); await Add("b", 200);
        var events = await Store.ReadStreamAsync("basket-1");
        var between = events[^1].Timestamp;
        await Task.Delay(20);
        await Add("c", 400);

        (await Store.AggregateAsync("basket-1", 0L, Total, asOf: between)).Should().Be((300L, 2L));
        (await Store.AggregateAsync("basket-1", 0L, Total, asOf: events[0].Timestamp.AddTicks(-10))).Should().Be((0L, 0L));
        (await Store.AggregateAsync("basket-1", 0L, Total)).Should().Be((700L, 3L));
    }

    [Fact]
    public async Task Timestamps_never_go_backwards_within_a_stream()
    {
        for (var i = 0; i < 20; i++) await Add($"n{i}", i);
        var events = await Store.ReadStreamAsync("basket-1");
        events.Select(e => e.Timestamp).Should().BeInAscendingOrder();
    }
}
