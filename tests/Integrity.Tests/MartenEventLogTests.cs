using FluentAssertions;
using SecondChance.Domain;
using SecondChance.Integrity.Events;
using SecondChance.Integrity.HashChain;
using Xunit;

namespace SecondChance.Integrity.Tests;

public sealed class MartenEventLogTests
{
    private static MartenEventLog Log(TestStore db) => new(db.Store, db.DataSource, db.Keyring, "sc");

    private static StreamAppend Append(Guid inmate, ExpectedVersion expected, int count, int from = 1, EventMetadata? metadata = null) =>
        new(StreamIds.Inmate(inmate), "inmate", expected,
            Enumerable.Range(from, count).Select(n => NewEvent.For(TestEvents.Segregation(inmate, n))).ToList(), metadata);

    [Fact]
    public async Task Appends_at_the_decided_version_report_versions_and_positions_and_chain()
    {
        await using var db = await TestStore.CreateAsync();
        var log = Log(db);
        var id = Guid.NewGuid();

        var started = await log.AppendAsync(Append(id, ExpectedVersion.NoStream, 2));
        var next = await log.AppendAsync(Append(id, ExpectedVersion.Exactly(2), 1, from: 3));

        started.NextVersion.Should().Be(2);
        started.Events.Select(e => e.Version).Should().Equal(1, 2);
        next.NextVersion.Should().Be(3);
        next.Events.Single().Version.Should().Be(3);
        next.Positions.Single().Should().BeGreaterThan(started.Positions[^1]);
        (await new ChainVerifier(db.DataSource).VerifyAsync()).IsClean.Should().BeTrue();
    }

    [Fact]
    public async Task A_stale_expected_version_is_a_conflict_naming_the_stream_expected_and_actual_and_writes_nothing()
    {
        await using var db = await TestStore.CreateAsync();
        var log = Log(db);
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        await log.AppendAsync(Append(a, ExpectedVersion.NoStream, 3));

        var stale = () => log.AppendAsync([Append(b, ExpectedVersion.NoStream, 1), Append(a, ExpectedVersion.Exactly(2), 1, from: 4)]);
        var conflict = (await stale.Should().ThrowAsync<ConcurrencyException>()).Which;
        conflict.StreamId.Should().Be(StreamIds.Inmate(a));
        conflict.Expected.Value.Should().Be(2);
        conflict.ActualVersion.Should().Be(3);

        var again = () => log.AppendAsync(Append(a, ExpectedVersion.NoStream, 1));
        (await again.Should().ThrowAsync<ConcurrencyException>()).Which.ActualVersion.Should().Be(3);
        (await db.ScalarAsync<long>("select count(*) from {schema}.mt_events where stream_id <> 'mt_tombstone'")).Should().Be(3, "a failed append leaves only Marten's tombstone");
    }

    [Fact]
    public async Task Metadata_is_stored_and_read_back_with_the_events_as_of_a_version_and_an_instant()
    {
        await using var db = await TestStore.CreateAsync();
        var log = Log(db);
        var id = Guid.NewGuid();
        var correlation = Guid.NewGuid();
        var metadata = new EventMetadata
        {
            Actor = "user:amna", CorrelationId = correlation, Headers = new Dictionary<string, string> { ["client"] = "ward-tablet ٣" },
        };
        await log.AppendAsync(Append(id, ExpectedVersion.NoStream, 2, metadata: metadata));
        var between = await db.ScalarAsync<DateTime>("select clock_timestamp()");
        await Task.Delay(20);
        await log.AppendAsync(Append(id, ExpectedVersion.Exactly(2), 1, from: 3));

        var all = await log.ReadStreamAsync(StreamIds.Inmate(id));
        all.Select(e => e.Version).Should().Equal(1, 2, 3);
        all[0].Actor.Should().Be("user:amna");
        all[0].CorrelationId.Should().Be(correlation);
        all[0].Headers.Should().Contain("client", "ward-tablet ٣");
        all[0].Alias.Should().Be("segregation_started.v1");
        (await log.ReadStreamAsync(StreamIds.Inmate(id), upToVersion: 2)).Should().HaveCount(2);
        (await log.ReadStreamAsync(StreamIds.Inmate(id), asOf: new DateTimeOffset(between, TimeSpan.Zero))).Should().HaveCount(2);
    }
}
