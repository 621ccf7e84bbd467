using FluentAssertions;
using SecondChance.EventStore.Audit;
using Xunit;

namespace SecondChance.EventStore.Tests;

public sealed class TamperEvidenceTests(StoreFixture db) : IClassFixture<StoreFixture>, IAsyncLifetime
{
    private PgEventStore Store => db.Store;
    public Task InitializeAsync() => db.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task Seed()
    {
        for (var s = 1; s <= 4; s++)
        {
            var meta = new EventMetadata { Actor = $"clerk-{s}", CorrelationId = Guid.NewGuid(), Headers = new Dictionary<string, string> { ["note"] = "قیدی \"quoted\"\n" } };
            await Store.AppendAsync(new StreamAppend($"basket-{s}", "basket", ExpectedVersion.NoStream,
                [NewEvent.For(new ItemAdded("چادر embroidery ✓", 1250)), NewEvent.For(new ItemAdded("frame", 99))], meta));
            // one event at an expected version takes the single-event path; the others the general one: same chain
            for (var i = 0; i < 3; i++)
                await Store.AppendAsync(new StreamAppend($"basket-{s}", "basket", i == 1 ? ExpectedVersion.Any : ExpectedVersion.Exactly(2 + i),
                    [NewEvent.For(new NoteWritten($"note {i} <b> \\u0041 ✓"))], meta with { CausationId = i == 2 ? Guid.NewGuid() : null }));
        }
        await new BulkImporter(Store).ImportAsync([new ImportedStream("paper-1", "basket",
            [NewEvent.For(new ItemAdded("ledger \\ 1998", -5)), NewEvent.For(new NoteWritten("tab\there"))],
            new EventMetadata { Actor = "importer", Headers = new Dictionary<string, string> { ["b"] = "2", ["a"] = "1", ["long key"] = "x" } })]);
    }

    private Task<VerificationReport> Verify() => new ChainVerifier(Store).VerifyAsync(partitions: 3);

    [Fact]
    public async Task An_untouched_store_verifies_clean()
    {
        await Seed();
        var report = await Verify();
        report.BrokenLinks.Should().BeEmpty();
        report.StreamsChecked.Should().Be(5);
        report.EventsChecked.Should().Be(4 * 5 + 2);
    }

    [Fact]
    public async Task Changing_one_events_data_names_exactly_that_stream_and_version()
    {
        await Seed();
        await db.ExecuteAsync("update sc.events set data = jsonb_set(data, '{priceMinor}', '1') where stream_id = 'basket-2' and version = 2");
        (await Verify()).BrokenLinks.Select(b => (b.StreamId, b.Version)).Should().Equal(("basket-2", 2L));
    }

    [Fact]
    public async Task Deleting_an_event_names_the_missing_version()
    {
        await Seed();
        await db.ExecuteAsync("delete from sc.events where stream_id = 'basket-3' and version = 3");
        (await Verify()).BrokenLinks.Should().ContainSingle().Which.Should().Be(new BrokenLink("basket-3", 3, "event missing"));
    }

    [Fact]
    public async Task Deleting_the_last_event_leaves_an_intact_shorter_chain_that_the_auditors_checkpoint_catches()
    {
        await Seed();
        var checkpoint = await CheckpointOf(22);
        await db.ExecuteAsync("delete from sc.events where stream_id = 'basket-3' and version = 5");
        (await Verify()).IsClean.Should().BeTrue();
        (await new AuditCheckpoints(Store).ProveAsync(checkpoint)).Holds.Should().BeFalse();
    }

    [Fact]
    public async Task Deleting_every_event_of_a_stream_is_named()
    {
        await Seed();
        await db.ExecuteAsync("delete from sc.events where stream_id = 'basket-4'");
        (await Verify()).BrokenLinks.Should().ContainSingle().Which.Should().Be(new BrokenLink("basket-4", 1, "stream has no events"));
    }

    private async Task<AuditCheckpoint> CheckpointOf(long events)
    {
        var checkpoint = await new AuditCheckpoints(Store).TakeAsync(TimeProvider.System);
        for (var wait = 0; checkpoint.Events < events && wait < 1500; wait++)
        {
            await Task.Delay(20); // another test class's open transaction may hold the visibility horizon back
            checkpoint = await new AuditCheckpoints(Store).TakeAsync(TimeProvider.System);
        }
        checkpoint.Events.Should().Be(events);
        return checkpoint;
    }

    [Fact]
    public async Task Swapping_two_versions_names_both()
    {
        await Seed();
        await db.ExecuteAsync("""
            update sc.events set version = -1 where stream_id = 'basket-1' and version = 3;
            update sc.events set version = 3 where stream_id = 'basket-1' and version = 4;
            update sc.events set version = 4 where stream_id = 'basket-1' and version = -1;
            """);
        (await Verify()).BrokenLinks.Select(b => (b.StreamId, b.Version)).Should().Equal(("basket-1", 3L), ("basket-1", 4L));
    }

    [Fact]
    public async Task Altering_metadata_names_that_event()
    {
        await Seed();
        await db.ExecuteAsync("update sc.events set actor = 'someone else' where stream_id = 'paper-1' and version = 1");
        (await Verify()).BrokenLinks.Select(b => (b.StreamId, b.Version)).Should().Equal(("paper-1", 1L));
    }

    [Fact]
    public async Task A_checkpoint_still_holds_after_new_appends_but_not_after_history_is_rewritten_with_fresh_hashes()
    {
        await Seed();
        var checkpoint = await CheckpointOf(22);
        await Store.AppendAsync(new StreamAppend("basket-1", "basket", ExpectedVersion.Any, [NewEvent.For(new NoteWritten("later"))]));
        await Store.AppendAsync(new StreamAppend("basket-9", "basket", ExpectedVersion.Any, [NewEvent.For(new NoteWritten("new"))]));

        (await new AuditCheckpoints(Store).ProveAsync(checkpoint)).Holds.Should().BeTrue();

        // an operator who rewrites an old event and recomputes every hash after it leaves the chains valid...
        await db.ExecuteAsync("""
            update sc.events set data = jsonb_set(data, '{priceMinor}', '1') where stream_id = 'basket-2' and version = 1;
            do $$ declare r record; h bytea := null; begin
              for r in select * from sc.events where stream_id = 'basket-2' order by version loop
                h := (sc.chain_hashes(h, array[sha256(convert_to(sc.hash_field(r.id::text) || sc.hash_field(r.stream_id)
                        || sc.hash_field(r.type) || sc.hash_field(r.data::text) || sc.hash_field(r.tenant_id)
                        || sc.hash_field(r.correlation_id::text) || sc.hash_field(r.causation_id::text)
                        || sc.hash_field(r.actor) || sc.hash_field(r.headers::text), 'UTF8'))], r.version - 1, r.timestamp))[1];
                update sc.events set hash = h where seq_id = r.seq_id;
              end loop;
            end $$;
            """);
        (await Verify()).IsClean.Should().BeTrue();
        // ...but not the checkpoint the auditor kept
        (await new AuditCheckpoints(Store).ProveAsync(checkpoint)).Holds.Should().BeFalse();
    }
}
