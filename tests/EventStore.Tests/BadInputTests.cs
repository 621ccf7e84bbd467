using FluentAssertions;
using Xunit;

namespace SecondChance.EventStore.Tests;

public sealed class BadInputTests(StoreFixture db) : IClassFixture<StoreFixture>, IAsyncLifetime
{
    private PgEventStore Store => db.Store;
    public Task InitializeAsync() => db.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task NothingWritten()
    {
        (await db.EventCount()).Should().Be(0);
        (await db.StreamCount()).Should().Be(0);
    }

    [Fact]
    public async Task Null_payload_is_refused_and_nothing_is_written()
    {
        var act = () => Store.AppendAsync(new StreamAppend("basket-1", "basket", ExpectedVersion.Any, [new NewEvent(Guid.NewGuid(), null!)]));
        (await act.Should().ThrowAsync<InvalidAppendException>()).WithMessage("*has no data*");
        await NothingWritten();
    }

    [Fact]
    public async Task Payload_over_the_limit_is_refused_naming_the_limit()
    {
        var act = () => Store.AppendAsync(new StreamAppend("basket-1", "basket", ExpectedVersion.Any,
            [NewEvent.For(new NoteWritten(new string('x', 5000)))]));
        (await act.Should().ThrowAsync<InvalidAppendException>()).WithMessage("*limit is 4096 bytes*");
        await NothingWritten();
    }

    [Fact]
    public async Task Empty_event_list_is_refused()
    {
        var act = () => Store.AppendAsync(new StreamAppend("basket-1", "basket", ExpectedVersion.Any, []));
        (await act.Should().ThrowAsync<InvalidAppendException>()).WithMessage("*has no events*");
        await NothingWritten();
    }

    [Theory]
    [InlineData("")]
    [InlineData(" basket")]
    [InlineData("basket 1")]
    [InlineData("-basket")]
    [InlineData("basket/1")]
    [InlineData("basket'; drop table sc.events;--")]
    public async Task Malformed_stream_id_is_refused(string streamId)
    {
        var act = () => Store.AppendAsync(new StreamAppend(streamId, "basket", ExpectedVersion.Any, [NewEvent.For(new ItemAdded("a", 1))]));
        (await act.Should().ThrowAsync<InvalidAppendException>()).WithMessage("*malformed*");
        await NothingWritten();
    }

    [Fact]
    public async Task Overlong_stream_id_is_refused()
    {
        var act = () => Store.AppendAsync(new StreamAppend(new string('a', 201), "basket", ExpectedVersion.Any, [NewEvent.For(new ItemAdded("a", 1))]));
        await act.Should().ThrowAsync<InvalidAppendException>();
        await NothingWritten();
    }

    [Fact]
    public async Task Unregistered_event_type_is_refused_naming_the_type()
    {
        var act = () => Store.AppendAsync(new StreamAppend("basket-1", "basket", ExpectedVersion.Any, [NewEvent.For(new Unregistered("?"))]));
        (await act.Should().ThrowAsync<UnknownEventTypeException>()).WithMessage("*Unregistered*");
        await NothingWritten();
    }

    [Fact]
    public async Task Unknown_alias_in_the_log_fails_loudly_with_the_alias()
    {
        await Store.AppendAsync(new StreamAppend("basket-1", "basket", ExpectedVersion.Any, [NewEvent.For(new ItemAdded("a", 1))]));
        await db.ExecuteAsync("update sc.events set type = 'mystery_happened.v1'");
        var act = () => Store.ReadStreamAsync("basket-1");
        (await act.Should().ThrowAsync<UnknownEventTypeException>()).WithMessage("*'mystery_happened.v1'*");
    }

    [Fact]
    public async Task The_same_event_id_twice_in_one_append_is_refused()
    {
        var id = Guid.NewGuid();
        var act = () => Store.AppendAsync(new StreamAppend("basket-1", "basket", ExpectedVersion.Any,
            [new NewEvent(id, new ItemAdded("a", 1)), new NewEvent(id, new ItemAdded("b", 1))]));
        (await act.Should().ThrowAsync<InvalidAppendException>()).WithMessage("*appears twice*");
        await NothingWritten();
    }

    [Fact]
    public async Task Reusing_stored_event_ids_for_new_events_is_refused()
    {
        var id = Guid.NewGuid();
        await Store.AppendAsync(new StreamAppend("basket-1", "basket", ExpectedVersion.Any, [new NewEvent(id, new ItemAdded("a", 1))]));
        var act = () => Store.AppendAsync(new StreamAppend("basket-1", "basket", ExpectedVersion.Any,
            [new NewEvent(id, new ItemAdded("a", 1)), NewEvent.For(new ItemAdded("b", 1))]));
        await act.Should().ThrowAsync<InvalidAppendException>();
        (await db.EventCount()).Should().Be(1);
    }
}
