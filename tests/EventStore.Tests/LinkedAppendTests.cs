using FluentAssertions;
using SecondChance.EventStore.Audit;
using Xunit;

namespace SecondChance.EventStore.Tests;

/// <summary>Appends onto a head this process committed are linked by the client, at a time the database accepts.</summary>
public sealed class LinkedAppendTests(StoreFixture db) : IClassFixture<StoreFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => db.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private sealed class FrozenClock(DateTimeOffset at) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => at;
    }

    private PgEventStore StoreWith(TimeProvider clock) =>
        new(db.DataSource, TestTypes.Registry(), new EventStoreOptions { ConnectionString = db.ConnectionString, Clock = clock });

    private async Task<DateTimeOffset> DatabaseNow()
    {
        await using var cmd = db.DataSource.CreateCommand("select clock_timestamp()");
        await using var r = await cmd.ExecuteReaderAsync();
        await r.ReadAsync();
        return r.GetFieldValue<DateTimeOffset>(0);
    }

    private static StreamAppend Note(string stream, long expected, string text) =>
        new(stream, "basket", ExpectedVersion.Exactly(expected), [NewEvent.For(new NoteWritten(text))], new EventMetadata { Actor = "clerk-1" });

    [Fact]
    public async Task An_append_onto_a_known_head_takes_the_clients_time_and_the_chain_verifies()
    {
        var clock = EventHash.TruncateToMicros((await DatabaseNow()).AddMilliseconds(300));
        var store = StoreWith(new FrozenClock(clock));
        var created = await store.AppendAsync(new StreamAppend("basket-1", "basket", ExpectedVersion.NoStream, [NewEvent.For(new ItemAdded("a", 1))]));

        var second = await store.AppendAsync(Note("basket-1", 1, "linked"));
        var third = await store.AppendAsync(Note("basket-1", 2, "linked again"));

        created.Events[0].Timestamp.Should().BeBefore(clock, "the first event's time is the database's");
        second.Events[0].Timestamp.Should().Be(clock);
        third.Events[0].Timestamp.Should().Be(clock, "never before the stream's previous event");
        (await store.ReadStreamAsync("basket-1")).Select(e => e.Timestamp).Should().Equal(created.Events[0].Timestamp, clock, clock);
        (await new ChainVerifier(store).VerifyAsync()).BrokenLinks.Should().BeEmpty();
    }

    [Fact]
    public async Task A_clock_outside_the_tolerance_is_refused_and_the_database_time_is_used()
    {
        var store = StoreWith(new FrozenClock((await DatabaseNow()).AddHours(1)));
        await store.AppendAsync(new StreamAppend("basket-1", "basket", ExpectedVersion.NoStream, [NewEvent.For(new ItemAdded("a", 1))]));

        for (var v = 1; v <= 3; v++) await store.AppendAsync(Note("basket-1", v, $"note {v}"));

        var now = await DatabaseNow();
        (await store.ReadStreamAsync("basket-1")).Should().OnlyContain(e => e.Timestamp <= now && e.Timestamp > now.AddMinutes(-1));
        (await new ChainVerifier(store).VerifyAsync()).BrokenLinks.Should().BeEmpty();
    }

    [Fact]
    public async Task A_head_known_from_before_another_writer_moved_the_stream_gives_a_conflict_then_appends_cleanly()
    {
        var mine = StoreWith(TimeProvider.System);
        var theirs = StoreWith(TimeProvider.System);
        await mine.AppendAsync(new StreamAppend("basket-1", "basket", ExpectedVersion.NoStream, [NewEvent.For(new ItemAdded("a", 1))]));
        await theirs.AppendAsync(Note("basket-1", 1, "theirs"));

        var stale = () => mine.AppendAsync(Note("basket-1", 1, "mine, on an old head"));
        (await stale.Should().ThrowAsync<ConcurrencyException>()).Which.ActualVersion.Should().Be(2);

        (await mine.AppendAsync(Note("basket-1", 2, "mine"))).NextVersion.Should().Be(3);
        (await mine.AppendAsync(Note("basket-1", 3, "mine, linked"))).NextVersion.Should().Be(4);
        (await db.EventCount()).Should().Be(4);
        (await new ChainVerifier(mine).VerifyAsync()).BrokenLinks.Should().BeEmpty();
    }

    [Fact]
    public async Task After_the_database_goes_back_to_an_older_copy_a_known_head_is_not_trusted_and_the_stale_append_conflicts()
    {
        var store = StoreWith(TimeProvider.System);
        var first = await store.AppendAsync(new StreamAppend("basket-1", "basket", ExpectedVersion.NoStream, [NewEvent.For(new ItemAdded("a", 1))]));
        await store.AppendAsync(Note("basket-1", 1, "lost in the restore"));
        // as if restored from a backup taken after the first event: the second event and its sequence value are gone
        await db.ExecuteAsync($"""
            delete from sc.events where stream_id = 'basket-1' and version = 2;
            select setval('sc.events_sequence', {first.Positions[0]});
            """);

        var stale = () => store.AppendAsync(Note("basket-1", 2, "onto the head this process remembers"));
        (await stale.Should().ThrowAsync<ConcurrencyException>()).Which.ActualVersion.Should().Be(1);

        (await store.AppendAsync(Note("basket-1", 1, "onto the real head"))).NextVersion.Should().Be(2);
        (await store.AppendAsync(Note("basket-1", 2, "linked again"))).NextVersion.Should().Be(3);
        (await store.ReadStreamAsync("basket-1")).Select(e => e.Version).Should().Equal(1, 2, 3);
        (await new ChainVerifier(store).VerifyAsync()).BrokenLinks.Should().BeEmpty();
    }
}
