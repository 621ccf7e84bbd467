using FluentAssertions;
using SecondChance.Domain;
using SecondChance.Integrity.HashChain;
using SecondChance.Integrity.Moving;
using Xunit;

namespace SecondChance.Integrity.Tests;

public sealed class OldStoreMoveTests
{
    private const string S = MartenSetup.Schema;

    private static async Task<(OldStoreDatabase Db, MoveReport Report)> MovedAsync()
    {
        var db = await OldStoreDatabase.CreateAsync();
        return (db, await new OldStoreMove(db.ConnectionString).RunAsync(batchSize: 4));
    }

    [Fact]
    public async Task Every_event_keeps_its_position_id_version_type_data_time_metadata_and_link_and_every_stream_its_type_and_version()
    {
        var (db, report) = await MovedAsync();
        await using var _ = db;

        report.EventsMoved.Should().Be(OldStoreDatabase.EventCount);
        report.StreamsMoved.Should().Be(3);
        // rows compared as text, column by column; links with their format and the transaction that first appended them
        (await db.ScalarAsync<long>($"""
            select count(*) from sc.events o
              join {S}.mt_events m on m.seq_id = o.seq_id
              join {S}.sc_event_hashes h on h.seq_id = o.seq_id
             where m.id = o.id and m.stream_id = o.stream_id and m.version = o.version and m.type = o.type
               and m.data::text = o.data::text and m.timestamp = o.timestamp and m.tenant_id = o.tenant_id
               and m.correlation_id is not distinct from o.correlation_id::text and m.causation_id is not distinct from o.causation_id::text
               and m.user_name is not distinct from o.actor and m.headers::text is not distinct from o.headers::text
               and h.hash = o.hash and h.hash_format = o.hash_format and h.transaction_id = o.transaction_id
               and h.stream_id = o.stream_id and h.version = o.version
            """)).Should().Be(OldStoreDatabase.EventCount);
        (await db.ScalarAsync<long>($"select count(*) from {S}.mt_events")).Should().Be(OldStoreDatabase.EventCount);
        (await db.ScalarAsync<long>($"select count(*) from {S}.sc_event_hashes where hash_format = 1")).Should().Be(2);
        (await db.ScalarAsync<long>($"select count(*) from {S}.mt_events where headers->>'Client' = 'desk ✓' and user_name = 'instructor'"))
            .Should().Be(2);
        (await db.ScalarAsync<long>($"""
            select count(*) from sc.streams o join {S}.mt_streams m on m.id = o.id
             where m.type = o.type and m.version = o.version and m.is_archived = o.is_archived
            """)).Should().Be(3);
        // personal data moves as it was stored: encrypted, without any key
        (await db.ScalarAsync<long>($"""
            select count(*) from {S}.mt_events where type = 'inmate_admitted.v1' and data->>'fullName' like 'enc:v1:%'
               and data::text not like '%Shazia%' and data::text not like '%42101%'
            """)).Should().Be(1);
        // Marten's next position follows the moved history
        (await db.ScalarAsync<long>($"select last_value from {S}.mt_events_sequence"))
            .Should().Be(await db.ScalarAsync<long>("select max(seq_id) from sc.events"));

        var verified = await new ChainVerifier(db.DataSource).VerifyAsync();
        verified.IsClean.Should().BeTrue(string.Join("; ", verified.BrokenLinks));
        verified.EventsChecked.Should().Be(OldStoreDatabase.EventCount);
    }

    [Fact]
    public async Task A_checkpoint_the_old_store_gave_an_auditor_before_the_move_proves_against_martens_tables()
    {
        await using var db = await OldStoreDatabase.CreateAsync();
        var old = await db.OldCheckpointAsync();
        old.Events.Should().Be(OldStoreDatabase.EventCount);

        await new OldStoreMove(db.ConnectionString).RunAsync();

        var checkpoints = new AuditCheckpoints(db.DataSource);
        var proof = await checkpoints.ProveAsync(new AuditCheckpoint(old.TransactionId, old.Position, old.Streams, old.Events, old.RootHash, old.TakenAt));
        proof.BrokenLinks.Should().BeEmpty();
        proof.Holds.Should().BeTrue();
        // a checkpoint taken on Marten's side now is the very same one: same place in the log, same heads, same root
        var fresh = await checkpoints.TakeAsync(TimeProvider.System);
        (fresh.TransactionId, fresh.Position, fresh.Streams, fresh.Events, fresh.RootHash)
            .Should().Be((old.TransactionId, old.Position, old.Streams, old.Events, old.RootHash));
    }

    [Fact]
    public async Task A_checkpoint_from_before_the_move_fails_to_prove_when_a_moved_event_is_edited_in_marten()
    {
        await using var db = await OldStoreDatabase.CreateAsync();
        var old = await db.OldCheckpointAsync();
        await new OldStoreMove(db.ConnectionString).RunAsync();

        await db.ExecuteAsync($"update {S}.mt_events set data = jsonb_set(data, '{{amountMinor}}', '99999') where stream_id = '{StreamIds.WageAccount(OldStoreDatabase.Inmate)}' and version = 2");

        var proof = await new AuditCheckpoints(db.DataSource)
            .ProveAsync(new AuditCheckpoint(old.TransactionId, old.Position, old.Streams, old.Events, old.RootHash, old.TakenAt));
        proof.Holds.Should().BeFalse();
        proof.BrokenLinks.Should().Equal(new BrokenLink(StreamIds.WageAccount(OldStoreDatabase.Inmate), 2, "hash does not match the event and its predecessor"));
    }

    [Fact]
    public async Task A_marten_append_after_the_move_chains_onto_the_old_head_and_the_old_checkpoint_still_proves()
    {
        await using var db = await OldStoreDatabase.CreateAsync();
        var old = await db.OldCheckpointAsync();
        await new OldStoreMove(db.ConnectionString).RunAsync();
        var stream = StreamIds.Inmate(OldStoreDatabase.Inmate);
        var oldHead = (await db.ScalarAsync<byte[]>("select hash from sc.events where stream_id = $1 and version = 3", stream))!;

        await using (var marten = db.Marten())
        await using (var session = marten.LightweightSession())
        {
            session.Events.Append(stream, TestEvents.Segregation(OldStoreDatabase.Inmate, 4));
            await session.SaveChangesAsync();
        }

        await using (var cmd = db.DataSource.CreateCommand($"""
            select {StoredRow.Columns}, h.hash, h.hash_format from {S}.mt_events e join {S}.sc_event_hashes h on h.seq_id = e.seq_id
             where e.stream_id = $1 and e.version = 4
            """))
        {
            cmd.Parameters.Add(new() { Value = stream });
            await using var r = await cmd.ExecuteReaderAsync();
            (await r.ReadAsync()).Should().BeTrue();
            var row = StoredRow.Read(r);
            r.GetFieldValue<byte[]>(StoredRow.ColumnCount).Should().Equal(ChainHash.Compute(2, oldHead, row));
            r.GetInt16(StoredRow.ColumnCount + 1).Should().Be(2);
        }
        (await new ChainVerifier(db.DataSource).VerifyAsync()).IsClean.Should().BeTrue();
        (await new AuditCheckpoints(db.DataSource)
            .ProveAsync(new AuditCheckpoint(old.TransactionId, old.Position, old.Streams, old.Events, old.RootHash, old.TakenAt)))
            .Holds.Should().BeTrue();
    }

    [Fact]
    public async Task Running_the_move_again_writes_nothing_and_reports_the_history_as_moved_before()
    {
        var (db, _) = await MovedAsync();
        await using var _db = db;

        var again = await new OldStoreMove(db.ConnectionString).RunAsync();

        again.EventsMoved.Should().Be(0);
        again.EventsMovedBefore.Should().Be(OldStoreDatabase.EventCount);
        again.Tenants.Should().ContainSingle().Which.WasMovedBefore.Should().BeTrue();
        (await db.ScalarAsync<long>($"select count(*) from {S}.mt_events")).Should().Be(OldStoreDatabase.EventCount);
    }

    [Fact]
    public async Task Events_the_old_store_took_after_the_move_are_refused_by_name_not_dropped()
    {
        var (db, _) = await MovedAsync();
        await using var _db = db;
        await db.AppendLateOldEventAsync();

        var act = () => new OldStoreMove(db.ConnectionString).RunAsync();

        (await act.Should().ThrowAsync<MoveRefusedException>()).Which.Message.Should().Contain("9 of tenant '*DEFAULT*''s 10 old events");
    }

    [Fact]
    public async Task An_old_event_that_no_longer_matches_its_link_stops_the_whole_move_and_nothing_is_written()
    {
        await using var db = await OldStoreDatabase.CreateAsync();
        await db.ExecuteAsync($"update sc.events set actor = 'someone else' where stream_id = '{StreamIds.WageAccount(OldStoreDatabase.Inmate)}' and version = 1");

        var act = () => new OldStoreMove(db.ConnectionString).RunAsync();

        (await act.Should().ThrowAsync<Exception>()).Which.ToString().Should().Contain("does not have the link it had in the old store");
        (await db.ScalarAsync<long>($"select count(*) from {S}.mt_events")).Should().Be(0);
        (await db.ScalarAsync<long>($"select count(*) from {S}.mt_streams")).Should().Be(0);
        (await db.ScalarAsync<long>($"select count(*) from {S}.sc_event_hashes")).Should().Be(0);
        (await db.ScalarAsync<long>($"select count(*) from {S}.sc_event_hashes_carried")).Should().Be(0);
    }

    [Fact]
    public async Task A_carried_link_is_ignored_by_an_ordinary_append_and_a_forged_one_is_refused_even_while_moving()
    {
        await using var db = await TestStore.CreateAsync();
        var id = Guid.NewGuid();
        var forged = new byte[32];
        await db.ExecuteAsync("insert into {schema}.sc_event_hashes_carried values (1, '\\x" + Convert.ToHexString(forged) + "', 2, '1')");

        await db.AppendAsync(StreamIds.Inmate(id), TestEvents.Segregation(id, 1));

        (await db.ScalarAsync<byte[]>("select hash from {schema}.sc_event_hashes where seq_id = 1")).Should().NotEqual(forged);
        (await db.ScalarAsync<long>("select count(*) from {schema}.sc_event_hashes_carried")).Should().Be(1);
        (await new ChainVerifier(db.DataSource).VerifyAsync()).IsClean.Should().BeTrue();

        await db.ExecuteAsync("insert into {schema}.sc_event_hashes_carried values (2, '\\x" + Convert.ToHexString(forged) + "', 2, '1')");
        await using var moving = Marten.DocumentStore.For(o =>
        {
            o.Connection(db.ConnectionString + ";Options=-c sc.moving=on");
            o.ConfigureSecondChanceEvents();
        });
        await using var session = moving.LightweightSession();
        session.Events.Append(StreamIds.Inmate(id), TestEvents.Segregation(id, 2));
        var act = () => session.SaveChangesAsync();

        (await act.Should().ThrowAsync<Exception>()).Which.ToString().Should().Contain("does not have the link it had in the old store");
        (await db.ScalarAsync<long>("select count(*) from {schema}.mt_events")).Should().Be(1);
    }

    [Fact]
    public async Task Personal_data_moved_encrypted_reads_back_on_marten_with_the_moved_keys()
    {
        var (db, _) = await MovedAsync();
        await using var __ = db;
        var keyring = new Privacy.SubjectKeyring(db.DataSource);
        await using var store = Marten.DocumentStore.For(o =>
        {
            o.Connection(db.ConnectionString);
            o.ConfigureSecondChanceEvents(keyring: keyring);
        });

        var log = new Events.MartenEventLog(store, db.DataSource, keyring, "sc");
        var admitted = (await log.ReadStreamAsync(StreamIds.Inmate(OldStoreDatabase.Inmate)))
            .Select(e => e.Data).OfType<SecondChance.Domain.Inmates.InmateAdmitted>().Single();

        admitted.FullName.Should().Be("Shazia Bibi");
        admitted.Cnic.Should().Be("42101-1234567-8");
        (await db.ScalarAsync<long>($"select count(*) from {S}.sc_subject_keys k join sc.subject_keys o using (subject_id) where k.key = o.key"))
            .Should().Be(await db.ScalarAsync<long>("select count(*) from sc.subject_keys"));
    }
}
