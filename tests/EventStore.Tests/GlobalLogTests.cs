using System.Collections.Concurrent;
using FluentAssertions;
using Xunit;

namespace SecondChance.EventStore.Tests;

public sealed class GlobalLogTests(StoreFixture db) : IClassFixture<StoreFixture>, IAsyncLifetime
{
    private PgEventStore Store => db.Store;
    public Task InitializeAsync() => db.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static StreamAppend One(string stream, string name) =>
        new(stream, "basket", ExpectedVersion.Any, [NewEvent.For(new ItemAdded(name, 1))]);

    // transactions elsewhere on the server (other test classes) may hold the visibility horizon back for a moment
    private async Task<List<StoredEvent>> ReadAllFrom(GlobalCursor cursor, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var all = await ReadAllFrom(cursor);
            if (all.Count >= expected || DateTime.UtcNow > deadline) return all;
            await Task.Delay(20);
        }
    }

    private async Task<List<StoredEvent>> ReadAllFrom(GlobalCursor cursor)
    {
        var all = new List<StoredEvent>();
        while (true)
        {
            var batch = await Store.ReadAllAsync(cursor, 100);
            if (batch.Count == 0) return all;
            all.AddRange(batch);
            cursor = batch[^1].Cursor;
        }
    }

    [Fact]
    public async Task Global_read_returns_every_committed_event_in_batches()
    {
        for (var i = 0; i < 250; i++) await Store.AppendAsync(One($"basket-{i % 7}", $"n{i}"));
        var all = await ReadAllFrom(GlobalCursor.Start, 250);
        all.Should().HaveCount(250);
        all.Select(e => e.Cursor).Should().BeInAscendingOrder();
    }

    [Fact]
    public async Task An_event_that_commits_after_a_later_sequence_is_read_is_not_skipped()
    {
        // B takes its transaction id first; A then takes sequence 1 and stays open while B takes sequence 2 and commits
        await using var connA = await db.DataSource.OpenConnectionAsync();
        await using var connB = await db.DataSource.OpenConnectionAsync();
        await using var txB = await connB.BeginTransactionAsync();
        await using (var xid = new Npgsql.NpgsqlCommand("select pg_current_xact_id()", connB, txB)) await xid.ExecuteScalarAsync();
        await using var txA = await connA.BeginTransactionAsync();
        var a = await Store.AppendAsync(connA, txA, [One("basket-a", "late")]);
        var b = await Store.AppendAsync(connB, txB, [One("basket-b", "early")]);
        a[0].Positions[0].Should().BeLessThan(b[0].Positions[0]);
        await txB.CommitAsync();

        var firstRead = await ReadAllFrom(GlobalCursor.Start, 1);
        firstRead.Select(e => ((ItemAdded)e.Data).Name).Should().Equal("early");

        await txA.CommitAsync();
        var secondRead = await ReadAllFrom(firstRead[^1].Cursor, 1);
        secondRead.Select(e => ((ItemAdded)e.Data).Name).Should().Equal("late");
    }

    [Fact]
    public async Task Events_of_an_open_transaction_are_invisible_and_hold_back_later_commits_until_it_ends()
    {
        await using var connA = await db.DataSource.OpenConnectionAsync();
        await using var txA = await connA.BeginTransactionAsync();
        await Store.AppendAsync(connA, txA, [One("basket-a", "held")]);
        await Store.AppendAsync(One("basket-b", "after"));

        (await ReadAllFrom(GlobalCursor.Start)).Should().BeEmpty();

        await txA.CommitAsync();
        (await ReadAllFrom(GlobalCursor.Start, 2)).Select(e => ((ItemAdded)e.Data).Name).Should().Equal("held", "after");
    }

    [Fact]
    public async Task Rolled_back_appends_leave_a_gap_the_reader_passes_over()
    {
        await using var conn = await db.DataSource.OpenConnectionAsync();
        await using (var tx = await conn.BeginTransactionAsync())
        {
            await Store.AppendAsync(conn, tx, [One("basket-a", "rolled back")]);
            await tx.RollbackAsync();
        }
        await Store.AppendAsync(One("basket-b", "kept"));
        (await ReadAllFrom(GlobalCursor.Start, 1)).Select(e => ((ItemAdded)e.Data).Name).Should().Equal("kept");
    }

    [Fact]
    public async Task A_reader_polling_during_concurrent_out_of_order_commits_sees_every_event_exactly_once()
    {
        const int writers = 12, appendsPerWriter = 40;
        var seen = new ConcurrentDictionary<Guid, int>();
        var written = new ConcurrentBag<Guid>();
        var regressions = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();

        var reader = Task.Run(async () =>
        {
            var cursor = GlobalCursor.Start;
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < deadline)
            {
                var batch = await Store.ReadAllAsync(cursor, 37);
                foreach (var e in batch)
                {
                    seen.AddOrUpdate(e.EventId, 1, (_, n) => n + 1);
                    if (e.Cursor.CompareTo(cursor) <= 0) regressions.Add($"{e.Cursor} after {cursor}");
                    cursor = e.Cursor;
                }
                if (batch.Count == 0)
                {
                    if (stop.IsCancellationRequested && seen.Count >= written.Count) break;
                    await Task.Delay(2);
                }
            }
        });

        var writerTasks = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var random = new Random(w);
            for (var i = 0; i < appendsPerWriter; i++)
            {
                await using var conn = await db.DataSource.OpenConnectionAsync();
                await using var tx = await conn.BeginTransactionAsync();
                var events = Enumerable.Range(0, random.Next(1, 4)).Select(_ => NewEvent.For(new ItemAdded($"w{w}", i))).ToArray();
                await Store.AppendAsync(conn, tx, [new StreamAppend($"basket-{w}-{i % 3}", "basket", ExpectedVersion.Any, events)]);
                // some writers hold their transaction open so later sequence values commit first
                if (random.Next(4) == 0) await Task.Delay(random.Next(5, 40));
                if (random.Next(10) == 0) { await tx.RollbackAsync(); continue; }
                await tx.CommitAsync();
                foreach (var e in events) written.Add(e.EventId);
            }
        })).ToArray();

        await Task.WhenAll(writerTasks);
        stop.Cancel();
        await reader;

        regressions.Should().BeEmpty("the log is read in ascending order");
        seen.Values.Should().OnlyContain(n => n == 1, "no event may be delivered twice");
        seen.Keys.Should().BeEquivalentTo(written, "every committed event must be delivered");
    }
}
