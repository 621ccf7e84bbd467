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

    /// <summary>A checkpoint file, as 'checkpoint --out' writes it, once it covers all <paramref name="events"/>.</summary>
    private async Task<byte[]> CheckpointFileOf(long events)
    {
        for (var wait = 0; ; wait++)
        {
            using var file = new MemoryStream();
            var checkpoint = await CheckpointFile.WriteAsync(new AuditCheckpoints(Store), TimeProvider.System, file);
            if (checkpoint.Events == events || wait == 1500) return file.ToArray();
            await Task.Delay(20); // another test class's open transaction may hold the visibility horizon back
        }
    }

    private async Task<CheckpointProof> Prove(byte[] file)
    {
        var read = CheckpointFile.Read(() => new MemoryStream(file));
        read.Checkpoint.Events.Should().Be(22);
        read.HasHeads.Should().BeTrue();
        return await new AuditCheckpoints(Store).ProveAsync(read.Checkpoint, CheckpointFile.Heads(() => new MemoryStream(file)), null);
    }

    private static IEnumerable<(string, long)> Named(CheckpointProof proof) => proof.BrokenLinks.Select(b => (b.StreamId, b.Version));

    [Fact]
    public async Task A_checkpoint_proves_an_untouched_store_recomputing_every_chain()
    {
        await Seed();
        var file = await CheckpointFileOf(22);

        var proof = await Prove(file);

        proof.Holds.Should().BeTrue();
        proof.BrokenLinks.Should().BeEmpty();
        (proof.Streams, proof.Events, proof.HeadsCompared).Should().Be((5L, 22L, true));
    }

    [Fact]
    public async Task A_checkpoint_without_its_heads_fails_and_names_an_event_whose_data_was_updated()
    {
        await Seed();
        var checkpoint = await CheckpointOf(22);
        await db.ExecuteAsync("update sc.events set data = jsonb_set(data, '{priceMinor}', '1') where stream_id = 'basket-2' and version = 2");

        var proof = await new AuditCheckpoints(Store).ProveAsync(checkpoint);

        proof.Holds.Should().BeFalse();
        proof.FirstBroken.Should().Be(new BrokenLink("basket-2", 2, "hash does not match the event and its predecessor"));
    }

    [Fact]
    public async Task Prove_fails_on_an_edited_event_naming_its_stream_and_version()
    {
        await Seed();
        var file = await CheckpointFileOf(22);
        await db.ExecuteAsync("update sc.events set data = jsonb_set(data, '{text}', '\"edited\"') where stream_id = 'basket-3' and version = 4");

        var proof = await Prove(file);

        proof.Holds.Should().BeFalse();
        Named(proof).Should().Equal(("basket-3", 4L));
    }

    [Fact]
    public async Task Prove_fails_on_deleted_events_naming_each_stream_and_the_first_missing_version()
    {
        await Seed();
        var file = await CheckpointFileOf(22);
        await db.ExecuteAsync("""
            delete from sc.events where stream_id = 'basket-1' and version = 5;
            delete from sc.events where stream_id = 'basket-3' and version = 3;
            delete from sc.events where stream_id = 'paper-1';
            """);

        var proof = await Prove(file);

        proof.Holds.Should().BeFalse();
        proof.BrokenLinks.Should().Equal(
            new BrokenLink("basket-1", 5, "event missing: the checkpoint holds this stream up to version 5"),
            new BrokenLink("basket-3", 3, "event missing"),
            new BrokenLink("paper-1", 1, "events missing: the checkpoint holds this stream up to version 2"));
        proof.BrokenStreams.Should().Be(3);
    }

    [Fact]
    public async Task Prove_fails_on_inserted_events_naming_each_even_when_the_forged_hash_chains()
    {
        await Seed();
        var file = await CheckpointFileOf(22);
        // one event slipped into the middle of basket-4, the later ones moved up a version, all dated inside the checkpoint
        await db.ExecuteAsync("""
            update sc.events set version = 6 where stream_id = 'basket-4' and version = 5;
            update sc.events set version = 5 where stream_id = 'basket-4' and version = 4;
            update sc.events set version = 4 where stream_id = 'basket-4' and version = 3;
            insert into sc.events (id, stream_id, version, data, type, timestamp, tenant_id, actor, transaction_id, hash)
              select gen_random_uuid(), stream_id, 3, data, type, timestamp, tenant_id, actor, transaction_id, hash
                from sc.events where stream_id = 'basket-4' and version = 2;
            """);
        // and one appended to basket-2 with a correctly chained hash, which the chain alone cannot tell apart
        await db.ExecuteAsync("""
            do $$ declare r record; forged uuid := gen_random_uuid(); begin
              select * into r from sc.events where stream_id = 'basket-2' and version = 5;
              insert into sc.events (id, stream_id, version, data, type, timestamp, tenant_id, actor, transaction_id, hash)
              values (forged, 'basket-2', 6, '{"text": "forged"}', 'note_written.v1', r.timestamp, r.tenant_id, null, r.transaction_id,
                (sc.chain_hashes(r.hash, array[sha256(convert_to(sc.hash_field(forged::text) || sc.hash_field('basket-2')
                  || sc.hash_field('note_written.v1') || sc.hash_field('{"text": "forged"}'::jsonb::text) || sc.hash_field(r.tenant_id)
                  || sc.hash_field(null::text) || sc.hash_field(null::text) || sc.hash_field(null::text) || sc.hash_field(null::text), 'UTF8'))],
                  5, r.timestamp))[1]);
            end $$;
            """);
        (await Verify()).BrokenLinks.Select(b => b.StreamId).Distinct().Should().Equal("basket-4");

        var proof = await Prove(file);

        proof.Holds.Should().BeFalse();
        proof.BrokenLinks.Should().Equal(
            new BrokenLink("basket-2", 6, "event not in the checkpoint, which holds this stream up to version 5"),
            new BrokenLink("basket-4", 3, "hash does not match the event and its predecessor"));
    }

    [Fact]
    public async Task Prove_fails_on_reordered_events_naming_the_first_moved_version()
    {
        await Seed();
        var file = await CheckpointFileOf(22);
        await db.ExecuteAsync("""
            update sc.events set version = -1 where stream_id = 'basket-1' and version = 3;
            update sc.events set version = 3 where stream_id = 'basket-1' and version = 4;
            update sc.events set version = 4 where stream_id = 'basket-1' and version = -1;
            """);

        var proof = await Prove(file);

        proof.Holds.Should().BeFalse();
        Named(proof).Should().Equal(("basket-1", 3L));
    }

    [Fact]
    public async Task Prove_names_a_stream_rewritten_with_recomputed_hashes_by_its_head_in_the_checkpoint_file()
    {
        await Seed();
        var file = await CheckpointFileOf(22);
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

        var proof = await Prove(file);

        proof.Holds.Should().BeFalse();
        proof.BrokenLinks.Should().Equal(
            new BrokenLink("basket-2", 5, "differs from the checkpoint's head: events up to it were changed and their hashes recomputed"));
    }

    [Fact]
    public async Task A_checkpoint_file_of_thousands_of_streams_is_read_back_in_chunks_and_holds()
    {
        await new BulkImporter(Store).ImportAsync(Enumerable.Range(0, 3000).Select(i => new ImportedStream($"bulk-{i:D5}", "basket",
            [NewEvent.For(new ItemAdded($"item {i}", i)), NewEvent.For(new NoteWritten("n"))], new EventMetadata { Actor = "importer" })).ToList());
        var file = await CheckpointFileOf(6000);
        file.Length.Should().BeGreaterThan(4 * 65536, "the heads span several of the reader's buffers");

        var read = CheckpointFile.Read(() => new MemoryStream(file));
        var proof = await new AuditCheckpoints(Store).ProveAsync(read.Checkpoint, CheckpointFile.Heads(() => new MemoryStream(file)), null);

        CheckpointFile.Heads(() => new MemoryStream(file)).Count().Should().Be(3000);
        proof.Holds.Should().BeTrue();
    }
}
