using FluentAssertions;
using Xunit;

namespace SecondChance.EventStore.Tests;

public sealed class BulkImportTests(StoreFixture db) : IClassFixture<StoreFixture>, IAsyncLifetime
{
    private PgEventStore Store => db.Store;
    public Task InitializeAsync() => db.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static ImportedStream Paper(string id, int events) => new(id, "basket",
        Enumerable.Range(1, events).Select(i => NewEvent.For(new ItemAdded($"{id}-{i}", i))).ToArray(),
        new EventMetadata { Actor = "importer", Headers = new Dictionary<string, string> { ["source"] = "ledger 1998" } });

    [Fact]
    public async Task Imported_streams_get_consecutive_versions_and_are_readable_in_the_global_log()
    {
        await Store.AppendAsync(new StreamAppend("live-1", "basket", ExpectedVersion.NoStream, [NewEvent.For(new ItemAdded("live", 1))]));
        var result = await new BulkImporter(Store).ImportAsync(Enumerable.Range(0, 50).Select(i => Paper($"paper-{i}", 1 + i % 5)).ToArray());

        result.Streams.Should().Be(50);
        result.Events.Should().Be(Enumerable.Range(0, 50).Sum(i => 1 + i % 5));
        var stream = await Store.ReadStreamAsync("paper-4");
        stream.Select(e => e.Version).Should().Equal(1, 2, 3, 4, 5);
        stream[0].Actor.Should().Be("importer");
        (await Store.FetchStreamAsync("paper-4"))!.Version.Should().Be(5);

        var log = await Store.ReadAllAsync(GlobalCursor.Start, 10_000);
        for (var wait = 0; log.Count < result.Events + 1 && wait < 1500; wait++)
        {
            await Task.Delay(20); // another test class's open transaction may hold the visibility horizon back
            log = await Store.ReadAllAsync(GlobalCursor.Start, 10_000);
        }
        log.Should().HaveCount((int)result.Events + 1);
        log.Select(e => e.Cursor).Should().BeInAscendingOrder();

        // an imported stream continues like any other
        await Store.AppendAsync(new StreamAppend("paper-4", "basket", ExpectedVersion.Exactly(5), [NewEvent.For(new ItemRemoved("x"))]));
    }

    [Fact]
    public async Task An_import_touching_an_existing_stream_writes_nothing_at_all()
    {
        await Store.AppendAsync(new StreamAppend("paper-3", "basket", ExpectedVersion.NoStream, [NewEvent.For(new ItemAdded("live", 1))]));
        var act = () => new BulkImporter(Store).ImportAsync([Paper("paper-1", 2), Paper("paper-3", 2)]);
        (await act.Should().ThrowAsync<InvalidAppendException>()).WithMessage("*paper-3*");
        (await db.EventCount()).Should().Be(1);
        (await db.StreamCount()).Should().Be(1);
    }

    [Fact]
    public async Task An_import_with_a_malformed_event_writes_nothing_at_all()
    {
        var bad = new ImportedStream("paper-2", "basket", [NewEvent.For(new ItemAdded("ok", 1)), new NewEvent(Guid.NewGuid(), null!)]);
        var act = () => new BulkImporter(Store).ImportAsync([Paper("paper-1", 2), bad]);
        await act.Should().ThrowAsync<InvalidAppendException>();
        (await db.EventCount()).Should().Be(0);
    }

    [Fact]
    public async Task An_import_reusing_a_stored_event_id_writes_nothing_at_all()
    {
        var id = Guid.NewGuid();
        await Store.AppendAsync(new StreamAppend("live-1", "basket", ExpectedVersion.NoStream, [new NewEvent(id, new ItemAdded("live", 1))]));
        var act = () => new BulkImporter(Store).ImportAsync([Paper("paper-1", 2), new ImportedStream("paper-2", "basket", [new NewEvent(id, new ItemAdded("dup", 1))])]);
        (await act.Should().ThrowAsync<InvalidAppendException>()).WithMessage("*already stored*");
        (await db.EventCount()).Should().Be(1);
    }
}
