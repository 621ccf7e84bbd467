using FluentAssertions;
using Xunit;

namespace SecondChance.EventStore.Tests;

public sealed class AppendTests(StoreFixture db) : IClassFixture<StoreFixture>, IAsyncLifetime
{
    private PgEventStore Store => db.Store;
    public Task InitializeAsync() => db.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static StreamAppend To(string stream, ExpectedVersion expected, params object[] events) =>
        new(stream, "basket", expected, events.Select(NewEvent.For).ToArray(),
            new EventMetadata { Actor = "clerk-1", CorrelationId = Guid.NewGuid(), Headers = new Dictionary<string, string> { ["ip"] = "127.0.0.1" } });

    [Fact]
    public async Task Appended_events_read_back_in_version_order_with_their_metadata()
    {
        var result = await Store.AppendAsync(To("basket-1", ExpectedVersion.NoStream, new ItemAdded("brush", 500), new ItemAdded("frame", 1200)));
        await Store.AppendAsync(To("basket-1", ExpectedVersion.Exactly(2), new ItemRemoved("brush")));

        result.NextVersion.Should().Be(2);
        result.Positions.Should().HaveCount(2).And.BeInAscendingOrder();
        var events = await Store.ReadStreamAsync("basket-1");
        events.Select(e => e.Version).Should().Equal(1, 2, 3);
        events.Select(e => e.Data).Should().Equal(new ItemAdded("brush", 500), new ItemAdded("frame", 1200), new ItemRemoved("brush"));
        events[0].Alias.Should().Be("item_added.v1");
        events[0].Actor.Should().Be("clerk-1");
        events[0].Headers.Should().ContainKey("ip");
        events[0].CorrelationId.Should().NotBeNull();
        var stream = await Store.FetchStreamAsync("basket-1");
        stream!.Version.Should().Be(3);
        stream.AggregateType.Should().Be("basket");
    }

    [Fact]
    public async Task Stored_data_holds_the_alias_and_no_clr_type_name()
    {
        await Store.AppendAsync(To("basket-1", ExpectedVersion.Any, new ItemAdded("brush", 500)));
        var type = await db.ScalarAsync("select count(*) from sc.events where type = 'item_added.v1' and data::text not like '%SecondChance%'");
        type.Should().Be(1);
    }

    [Fact]
    public async Task Stale_expected_version_raises_a_typed_conflict_with_both_versions_and_writes_nothing()
    {
        await Store.AppendAsync(To("basket-1", ExpectedVersion.NoStream, new ItemAdded("a", 1), new ItemAdded("b", 2)));

        var act = () => Store.AppendAsync(To("basket-1", ExpectedVersion.Exactly(1), new ItemRemoved("a")));

        var conflict = (await act.Should().ThrowAsync<ConcurrencyException>()).Which;
        conflict.StreamId.Should().Be("basket-1");
        conflict.Expected.Should().Be(ExpectedVersion.Exactly(1));
        conflict.ActualVersion.Should().Be(2);
        (await db.EventCount()).Should().Be(2);
    }

    [Fact]
    public async Task No_stream_expectation_fails_when_the_stream_exists()
    {
        await Store.AppendAsync(To("basket-1", ExpectedVersion.Any, new ItemAdded("a", 1)));
        var act = () => Store.AppendAsync(To("basket-1", ExpectedVersion.NoStream, new ItemAdded("b", 1)));
        (await act.Should().ThrowAsync<ConcurrencyException>()).Which.ActualVersion.Should().Be(1);
    }

    [Fact]
    public async Task Stream_exists_expectation_fails_for_a_missing_stream_and_leaves_no_stream_row()
    {
        var act = () => Store.AppendAsync(To("basket-9", ExpectedVersion.StreamExists, new ItemAdded("b", 1)));
        (await act.Should().ThrowAsync<ConcurrencyException>()).Which.ActualVersion.Should().Be(0);
        (await db.StreamCount()).Should().Be(0);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Retrying_an_append_with_the_same_event_ids_returns_the_original_positions_without_duplicates(bool singleEventAtAVersion)
    {
        if (singleEventAtAVersion) await Store.AppendAsync(To("basket-1", ExpectedVersion.NoStream, new ItemAdded("a", 1)));
        var append = singleEventAtAVersion
            ? To("basket-1", ExpectedVersion.Exactly(1), new ItemRemoved("a"))
            : To("basket-1", ExpectedVersion.NoStream, new ItemAdded("a", 1), new ItemAdded("b", 2));
        var first = await Store.AppendAsync(append);

        var retry = await Store.AppendAsync(append);

        retry.WasDuplicate.Should().BeTrue();
        retry.Positions.Should().Equal(first.Positions);
        retry.NextVersion.Should().Be(2);
        (await db.EventCount()).Should().Be(2);
    }

    [Fact]
    public async Task Appending_to_several_streams_is_all_or_nothing()
    {
        await Store.AppendAsync(To("basket-2", ExpectedVersion.NoStream, new ItemAdded("x", 1)));

        var act = () => Store.AppendAsync([
            To("basket-1", ExpectedVersion.NoStream, new ItemAdded("a", 1)),
            To("basket-2", ExpectedVersion.Exactly(5), new ItemAdded("b", 1)),
        ]);

        (await act.Should().ThrowAsync<ConcurrencyException>()).Which.StreamId.Should().Be("basket-2");
        (await Store.FetchStreamAsync("basket-1")).Should().BeNull();
        (await db.EventCount()).Should().Be(1);
    }

    [Fact]
    public async Task Appending_to_several_streams_writes_each_with_its_own_versions()
    {
        var results = await Store.AppendAsync([
            To("basket-1", ExpectedVersion.NoStream, new ItemAdded("a", 1)),
            To("basket-2", ExpectedVersion.NoStream, new ItemAdded("b", 1), new ItemAdded("c", 1)),
        ]);
        results.Select(r => r.NextVersion).Should().Equal(1, 2);
        (await db.EventCount()).Should().Be(3);
    }

    [Fact]
    public async Task Concurrent_writers_with_the_same_expected_version_let_exactly_one_win()
    {
        await Store.AppendAsync(To("basket-1", ExpectedVersion.NoStream, new ItemAdded("a", 1)));
        var attempts = Enumerable.Range(0, 12).Select(async i =>
        {
            try { await Store.AppendAsync(To("basket-1", ExpectedVersion.Exactly(1), new ItemAdded($"w{i}", i))); return true; }
            catch (ConcurrencyException e) when (e.ActualVersion == 2) { return false; }
        });
        (await Task.WhenAll(attempts)).Count(won => won).Should().Be(1);
        (await db.EventCount()).Should().Be(2);
    }

    [Fact]
    public async Task Concurrent_creators_of_one_stream_let_exactly_one_win()
    {
        var attempts = Enumerable.Range(0, 12).Select(async i =>
        {
            try { await Store.AppendAsync(To("basket-new", ExpectedVersion.NoStream, new ItemAdded($"w{i}", i))); return true; }
            catch (ConcurrencyException) { return false; }
        });
        (await Task.WhenAll(attempts)).Count(won => won).Should().Be(1);
    }

    [Fact]
    public async Task A_refused_single_event_append_consumes_no_sequence_value_and_leaves_the_stream_row_as_it_was()
    {
        await Store.AppendAsync(To("basket-1", ExpectedVersion.NoStream, new ItemAdded("a", 1), new ItemAdded("b", 2)));
        var before = await Store.FetchStreamAsync("basket-1");
        for (var i = 0; i < 3; i++)
            await FluentActions.Awaiting(() => Store.AppendAsync(To("basket-1", ExpectedVersion.Exactly(1), new ItemAdded("c", 1))))
                .Should().ThrowAsync<ConcurrencyException>();

        (await Store.FetchStreamAsync("basket-1")).Should().Be(before);
        var next = await Store.AppendAsync(To("basket-1", ExpectedVersion.Exactly(2), new ItemAdded("c", 1)));
        next.Positions[0].Should().Be(3);
    }

    [Fact]
    public async Task A_version_conflict_consumes_no_sequence_value()
    {
        await Store.AppendAsync(To("basket-1", ExpectedVersion.NoStream, new ItemAdded("a", 1)));
        for (var i = 0; i < 5; i++)
            await FluentActions.Awaiting(() => Store.AppendAsync(To("basket-1", ExpectedVersion.Exactly(0), new ItemAdded("b", 1))))
                .Should().ThrowAsync<ConcurrencyException>();
        var next = await Store.AppendAsync(To("basket-1", ExpectedVersion.Exactly(1), new ItemAdded("c", 1)));
        next.Positions[0].Should().Be(2);
    }

    [Fact]
    public async Task Folding_a_stream_gives_state_and_version()
    {
        await Store.AppendAsync(To("basket-1", ExpectedVersion.NoStream, new ItemAdded("a", 100), new ItemAdded("b", 250), new ItemRemoved("a")));
        var (names, version) = await Store.AggregateAsync("basket-1", System.Collections.Immutable.ImmutableList<string>.Empty,
            (s, e) => e switch { ItemAdded a => s.Add(a.Name), ItemRemoved r => s.Remove(r.Name), _ => s });
        names.Should().Equal("b");
        version.Should().Be(3);
    }

    [Fact]
    public async Task Migrating_twice_changes_nothing()
    {
        (await Store.MigrateAsync()).Should().BeEmpty();
    }
}
