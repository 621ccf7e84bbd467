using FluentAssertions;
using SecondChance.EventStore.Audit;
using Xunit;

namespace SecondChance.EventStore.Tests;

/// <summary>Writers that reach for the same version at the same instant: the (stream_id, version) key decides.</summary>
public sealed class VersionRaceTests(StoreFixture db) : IClassFixture<StoreFixture>, IAsyncLifetime
{
    private PgEventStore Store => db.Store;
    public Task InitializeAsync() => db.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Appends_that_expect_any_version_or_an_existing_stream_never_conflict_with_each_other()
    {
        await Store.AppendAsync(new StreamAppend("basket-1", "basket", ExpectedVersion.NoStream, [NewEvent.For(new ItemAdded("a", 1))]));
        var expectations = new[] { ExpectedVersion.Any, ExpectedVersion.StreamExists };
        await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 15; i++)
                await Store.AppendAsync(new StreamAppend("basket-1", "basket", expectations[w % 2],
                    // one event takes the single-event path, two the general one
                    i % 3 == 0 ? [NewEvent.For(new NoteWritten($"{w}.{i}")), NewEvent.For(new NoteWritten($"{w}.{i}b"))] : [NewEvent.For(new NoteWritten($"{w}.{i}"))]));
        })));

        var versions = (await Store.ReadStreamAsync("basket-1")).Select(e => e.Version).ToList();
        versions.Should().Equal(Enumerable.Range(1, 1 + 8 * 15 + 8 * 5).Select(v => (long)v));
        (await new ChainVerifier(Store).VerifyAsync()).BrokenLinks.Should().BeEmpty();
    }

    [Fact]
    public async Task Inside_a_callers_transaction_losing_the_race_for_a_version_is_a_conflict_with_the_winners_version()
    {
        await Store.AppendAsync(new StreamAppend("basket-1", "basket", ExpectedVersion.NoStream, [NewEvent.For(new ItemAdded("a", 1))]));
        await using var winnerConn = await db.DataSource.OpenConnectionAsync();
        await using var winnerTx = await winnerConn.BeginTransactionAsync();
        await Store.AppendAsync(winnerConn, winnerTx, [Note("winner")]);

        await using var loserConn = await db.DataSource.OpenConnectionAsync();
        await using var loserTx = await loserConn.BeginTransactionAsync();
        var loser = Store.AppendAsync(loserConn, loserTx, [Note("loser")]);
        await db.WaitForALockWaitAsync("the second writer never waited for the first");
        await winnerTx.CommitAsync();

        var conflict = (await FluentActions.Awaiting(() => loser).Should().ThrowAsync<ConcurrencyException>()).Which;
        conflict.StreamId.Should().Be("basket-1");
        conflict.ActualVersion.Should().Be(2);
        (await Store.ReadStreamAsync("basket-1")).Select(e => e.Data).Should().Equal(new ItemAdded("a", 1), new NoteWritten("winner"));
    }

    private static StreamAppend Note(string text) =>
        new("basket-1", "basket", ExpectedVersion.Exactly(1), [NewEvent.For(new NoteWritten(text))]);
}
