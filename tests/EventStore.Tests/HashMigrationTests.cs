using FluentAssertions;
using SecondChance.EventStore.Audit;
using SecondChance.EventStore.Schema;
using SecondChance.Testing;
using Xunit;

namespace SecondChance.EventStore.Tests;

public sealed class HashMigrationTests : IAsyncLifetime
{
    private readonly EventStoreDatabase _db = new();
    public Task InitializeAsync() => _db.InitializeAsync();
    public Task DisposeAsync() => _db.DisposeAsync();

    private async Task<PgEventStore> StoreWithEventsFromBeforeTheHashMigrationAsync()
    {
        await SchemaMigrator.MigrateAsync(_db.DataSource, "sc", [("event_store", EventStoreMigrations.All.Take(2).ToList())]);
        await _db.ExecuteAsync("""
            insert into sc.streams (id, type, version, timestamp, created) values ('old-1', 'basket', 2, now(), now()), ('old-2', 'basket', 1, now(), now());
            insert into sc.events (id, stream_id, version, data, type, timestamp, actor) values
              (gen_random_uuid(), 'old-1', 1, '{"name": "a", "priceMinor": 1}', 'item_added.v1', now(), 'clerk'),
              (gen_random_uuid(), 'old-1', 2, '{"name": "a"}', 'item_removed.v1', now(), null),
              (gen_random_uuid(), 'old-2', 1, '{"text": "x"}', 'note_written.v1', now(), 'clerk');
            """);

        var store = _db.CreateStore(TestTypes.Registry());
        await store.MigrateAsync();
        await store.AppendAsync(new StreamAppend("old-1", "basket", ExpectedVersion.Exactly(2), [NewEvent.For(new NoteWritten("after"))]));
        return store;
    }

    [Fact]
    public async Task Events_stored_before_the_hash_migration_get_a_verifiable_chain()
    {
        var store = await StoreWithEventsFromBeforeTheHashMigrationAsync();

        var report = await new ChainVerifier(store).VerifyAsync();
        report.BrokenLinks.Should().BeEmpty();
        report.EventsChecked.Should().Be(4);
        // the three stored before keep the format they were hashed in; the one appended after is format 2
        (await _db.ScalarAsync("select count(*) from sc.events where hash_format = 1")).Should().Be(3);
        (await _db.ScalarAsync("select count(*) from sc.events where hash_format = 2 and stream_id = 'old-1' and version = 3")).Should().Be(1);
    }

    [Fact]
    public async Task A_checkpoint_proof_recomputes_format_1_chains_and_names_an_old_event_edited_after_it()
    {
        var store = await StoreWithEventsFromBeforeTheHashMigrationAsync();
        var checkpoints = new AuditCheckpoints(store);
        var file = Array.Empty<byte>();
        for (var wait = 0; wait < 1500; wait++)
        {
            using var written = new MemoryStream();
            if ((await CheckpointFile.WriteAsync(checkpoints, TimeProvider.System, written)).Events == 4) { file = written.ToArray(); break; }
            await Task.Delay(20); // another test class's open transaction may hold the visibility horizon back
        }
        var read = CheckpointFile.Read(() => new MemoryStream(file));
        Task<CheckpointProof> Prove() => checkpoints.ProveAsync(read.Checkpoint, CheckpointFile.Heads(() => new MemoryStream(file)), null);

        (await Prove()).Holds.Should().BeTrue();
        await _db.ExecuteAsync("update sc.events set data = '{\"text\": \"y\"}' where stream_id = 'old-2' and version = 1");
        var proof = await Prove();

        proof.Holds.Should().BeFalse();
        proof.BrokenLinks.Should().Equal(new BrokenLink("old-2", 1, "hash does not match the event and its predecessor"));
    }
}
