using FluentAssertions;
using Npgsql;
using SecondChance.EventStore.Audit;
using Xunit;

namespace SecondChance.EventStore.Tests;

/// <summary>Single-event appends that arrive while another is being written share one transaction.</summary>
public sealed class SharedCommitTests(StoreFixture db) : IClassFixture<StoreFixture>, IAsyncLifetime
{
    // one write at a time, so everything appended while it waits queues behind it
    private PgEventStore Store { get; } = new(db.DataSource, TestTypes.Registry(),
        new EventStoreOptions { ConnectionString = db.ConnectionString, MaxWritesInFlight = 1 });
    public Task InitializeAsync() => db.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static StreamAppend To(string stream, long expected, NewEvent e) =>
        new(stream, "basket", ExpectedVersion.Exactly(expected), [e], new EventMetadata { Actor = "clerk-1" });

    /// <summary>
    /// Holds an uncommitted event at version 2 of stream 'held', so the append that becomes the writer, which needs that
    /// version, waits on it; everything appended meanwhile queues, and is written together once the holder rolls back.
    /// </summary>
    private Task<(Task<AppendResult> Writer, Task<AppendResult>[] Queued)> WhileTheWriterWaits(params StreamAppend[] queued) =>
        WhileTheWriterWaits(Store, queued);

    private async Task<(Task<AppendResult> Writer, Task<AppendResult>[] Queued)> WhileTheWriterWaits(PgEventStore store, params StreamAppend[] queued)
    {
        await using var holder = await db.DataSource.OpenConnectionAsync();
        await using var tx = await holder.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand("""
                         insert into sc.events (id, stream_id, version, data, type, timestamp, hash)
                         values (gen_random_uuid(), 'held', 2, '{}', 'note_written.v1', now(), '\x00')
                         """, holder, tx))
            await hold.ExecuteNonQueryAsync();

        var writer = store.AppendAsync(To("held", 1, NewEvent.For(new NoteWritten("writer"))));
        await db.WaitForALockWaitAsync("the writer never waited on the held version");
        var tasks = queued.Select(a => store.AppendAsync(a)).ToArray();
        if (store != Store)
        {
            // with a second slot free the others do not wait for the stuck writer
            await Task.WhenAll(tasks);
            writer.IsCompleted.Should().BeFalse();
        }
        await tx.RollbackAsync();
        return (writer, tasks);
    }


    private async Task Streams(params string[] ids)
    {
        foreach (var id in ids)
            await Store.AppendAsync(new StreamAppend(id, "basket", ExpectedVersion.NoStream, [NewEvent.For(new ItemAdded(id, 1))]));
    }

    [Fact]
    public async Task Appends_queued_behind_a_writer_commit_together_and_a_refused_one_leaves_the_others_stored()
    {
        await Streams("held", "a", "b", "c", "d");
        var stored = await Store.AppendAsync(To("d", 1, NewEvent.For(new NoteWritten("first try"))));
        var retry = To("d", 1, new NewEvent(stored.Events[0].EventId, new NoteWritten("first try")));

        var (writer, queued) = await WhileTheWriterWaits(
            To("a", 1, NewEvent.For(new NoteWritten("a2"))),
            To("b", 5, NewEvent.For(new NoteWritten("stale"))),
            To("c", 1, NewEvent.For(new NoteWritten("c2"))),
            retry);

        (await writer).NextVersion.Should().Be(2);
        (await queued[0]).NextVersion.Should().Be(2);
        var conflict = (await FluentActions.Awaiting(() => queued[1]).Should().ThrowAsync<ConcurrencyException>()).Which;
        conflict.StreamId.Should().Be("b");
        conflict.ActualVersion.Should().Be(1);
        (await queued[2]).NextVersion.Should().Be(2);
        var again = await queued[3];
        again.WasDuplicate.Should().BeTrue();
        again.Positions.Should().Equal(stored.Positions);

        (await db.ScalarAsync("select count(distinct transaction_id) from sc.events where stream_id in ('a', 'c') and version = 2"))
            .Should().Be(1, "the two queued appends shared one transaction");
        (await db.ScalarAsync("select count(*) from sc.events where stream_id = 'b'")).Should().Be(1);
        (await db.EventCount()).Should().Be(5 + 1 + 1 + 2);
        (await new ChainVerifier(Store).VerifyAsync()).BrokenLinks.Should().BeEmpty();
    }

    [Fact]
    public async Task When_the_shared_transaction_fails_each_append_is_written_on_its_own_and_only_the_bad_one_fails()
    {
        await Streams("held", "a", "b", "c");
        var taken = Store.AppendAsync(To("c", 1, NewEvent.For(new NoteWritten("c2"))));
        var reusedId = (await taken).Events[0].EventId;

        var (writer, queued) = await WhileTheWriterWaits(
            To("a", 1, NewEvent.For(new NoteWritten("a2"))),
            To("b", 1, new NewEvent(reusedId, new NoteWritten("an id stream c holds"))),
            To("a", 2, NewEvent.For(new NoteWritten("a3"))));

        (await writer).NextVersion.Should().Be(2);
        (await queued[0]).NextVersion.Should().Be(2);
        await FluentActions.Awaiting(() => queued[1]).Should().ThrowAsync<InvalidAppendException>();
        (await queued[2]).NextVersion.Should().Be(3);
        (await db.ScalarAsync("select version from sc.streams where id = 'b'")).Should().Be(1);
        (await new ChainVerifier(Store).VerifyAsync()).BrokenLinks.Should().BeEmpty();
    }

    [Fact]
    public async Task A_write_stuck_on_a_lock_does_not_hold_up_appends_to_other_streams()
    {
        await Streams("held", "a", "b");
        var twoSlots = new PgEventStore(db.DataSource, TestTypes.Registry(),
            new EventStoreOptions { ConnectionString = db.ConnectionString, MaxWritesInFlight = 2 });

        var (writer, others) = await WhileTheWriterWaits(twoSlots,
            To("a", 1, NewEvent.For(new NoteWritten("a2"))), To("b", 1, NewEvent.For(new NoteWritten("b2"))));

        (await writer).NextVersion.Should().Be(2);
        (await others[0]).NextVersion.Should().Be(2);
        (await others[1]).NextVersion.Should().Be(2);
    }

    [Fact]
    public async Task Many_concurrent_writers_on_few_streams_store_each_acknowledged_append_once_in_an_unbroken_chain()
    {
        var streams = new[] { "s1", "s2", "s3", "s4" };
        await Streams(streams);
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<(string Stream, long Version, Guid Id)>();
        await Task.WhenAll(Enumerable.Range(0, 16).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 25; i++)
            {
                var stream = streams[(w + i) % streams.Length];
                while (true)
                {
                    var version = (await Store.FetchStreamAsync(stream))!.Version;
                    var e = NewEvent.For(new NoteWritten($"{w}-{i}"));
                    try
                    {
                        var result = await Store.AppendAsync(To(stream, version, e));
                        acknowledged.Add((stream, result.NextVersion, e.EventId));
                        break;
                    }
                    catch (ConcurrencyException) { }
                }
            }
        })));

        acknowledged.Should().HaveCount(16 * 25);
        acknowledged.Select(a => (a.Stream, a.Version)).Should().OnlyHaveUniqueItems();
        foreach (var stream in streams)
            (await Store.FetchStreamAsync(stream))!.Version.Should().Be(1 + acknowledged.Count(a => a.Stream == stream));
        (await db.EventCount()).Should().Be(streams.Length + 16 * 25);
        var stored = (await Store.ReadStreamAsync("s1")).Select(e => e.EventId).ToHashSet();
        acknowledged.Where(a => a.Stream == "s1").Should().OnlyContain(a => stored.Contains(a.Id));
        (await new ChainVerifier(Store).VerifyAsync()).BrokenLinks.Should().BeEmpty();
    }
}
