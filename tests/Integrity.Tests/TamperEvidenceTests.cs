using FluentAssertions;
using SecondChance.Domain;
using SecondChance.Integrity.HashChain;
using Xunit;

namespace SecondChance.Integrity.Tests;

/// <summary>Someone with SQL access edits Marten's tables directly; the verifier and the auditor's checkpoint say where.</summary>
public sealed class TamperEvidenceTests
{
    private static async Task<(TestStore Db, string Stream, AuditCheckpoint Checkpoint)> FiveEventsCheckpointed()
    {
        var db = await TestStore.CreateAsync();
        var id = Guid.NewGuid();
        var stream = StreamIds.Inmate(id);
        await db.AppendAsync(stream, TestEvents.Segregations(id, 3));
        await db.AppendAsync(stream, TestEvents.Segregation(id, 4), TestEvents.Segregation(id, 5));
        var other = Guid.NewGuid();
        await db.AppendAsync(StreamIds.Inmate(other), TestEvents.Segregations(other, 2));
        return (db, stream, await CheckpointCovering(db, 7));
    }

    /// <summary>
    /// A checkpoint stops below the oldest transaction still running anywhere on the server (its snapshot's xmin), and
    /// other tests share this server, so wait until it reaches what this test appended.
    /// </summary>
    private static async Task<AuditCheckpoint> CheckpointCovering(TestStore db, long events)
    {
        for (var attempt = 0; ; attempt++)
        {
            var checkpoint = await new AuditCheckpoints(db.DataSource).TakeAsync(TimeProvider.System);
            if (checkpoint.Events >= events || attempt == 600) return checkpoint;
            await Task.Delay(100);
        }
    }

    private static Task<VerificationReport> Verify(TestStore db) => new ChainVerifier(db.DataSource).VerifyAsync();

    private static Task<CheckpointProof> Prove(TestStore db, AuditCheckpoint checkpoint) => new AuditCheckpoints(db.DataSource).ProveAsync(checkpoint);

    [Fact]
    public async Task An_untouched_log_proves_its_checkpoint_and_later_appends_do_not_break_it()
    {
        var (db, stream, checkpoint) = await FiveEventsCheckpointed();
        await using var _ = db;
        checkpoint.Streams.Should().Be(2);
        checkpoint.Events.Should().Be(7);
        await db.AppendAsync(stream, TestEvents.Segregation(Guid.NewGuid(), 6));
        var late = Guid.NewGuid();
        await db.AppendAsync(StreamIds.Inmate(late), TestEvents.Segregation(late, 1));

        var proof = await Prove(db, checkpoint);

        proof.Holds.Should().BeTrue(string.Join("; ", proof.Failures));
        proof.RecomputedRootHash.Should().Be(checkpoint.RootHash);
        (await Verify(db)).IsClean.Should().BeTrue();
    }

    [Fact]
    public async Task An_sql_update_of_one_events_data_is_named_by_the_verifier_and_fails_the_proof_at_that_version()
    {
        var (db, stream, checkpoint) = await FiveEventsCheckpointed();
        await using var _ = db;
        await db.ExecuteAsync($"update {{schema}}.mt_events set data = jsonb_set(data, '{{reason}}', '\"nothing happened\"') where stream_id = '{stream}' and version = 3");

        (await Verify(db)).BrokenLinks.Should().Equal(new BrokenLink(stream, 3, "hash does not match the event and its predecessor"));
        var proof = await Prove(db, checkpoint);
        proof.Holds.Should().BeFalse();
        proof.Failures.Should().Equal(new ProofFailure(stream, 3, "hash does not match the event and its predecessor"));
    }

    [Fact]
    public async Task Deleting_a_middle_event_is_named_by_the_verifier_and_fails_the_proof_at_that_version()
    {
        var (db, stream, checkpoint) = await FiveEventsCheckpointed();
        await using var _ = db;
        await db.ExecuteAsync($"delete from {{schema}}.mt_events where stream_id = '{stream}' and version = 2");

        (await Verify(db)).BrokenLinks.Should().Contain(new BrokenLink(stream, 2, "event missing"));
        var proof = await Prove(db, checkpoint);
        proof.Holds.Should().BeFalse();
        proof.Failures.Should().Equal(new ProofFailure(stream, 2, "event missing"));
    }

    [Fact]
    public async Task Swapping_two_events_data_names_both_versions()
    {
        var (db, stream, checkpoint) = await FiveEventsCheckpointed();
        await using var _ = db;
        await db.ExecuteAsync($$"""
            update {schema}.mt_events e set data = o.data from {schema}.mt_events o
             where e.stream_id = '{{stream}}' and o.stream_id = e.stream_id and e.version in (2, 3) and o.version = 5 - e.version
            """);

        (await Verify(db)).BrokenLinks.Select(b => b.Version).Should().Equal(2, 3);
        (await Prove(db, checkpoint)).Failures.Select(f => (f.StreamId, f.Version)).Should().Equal((stream, 2L), (stream, 3L));
    }

    [Fact]
    public async Task Swapping_two_events_versions_names_both_versions()
    {
        var (db, stream, checkpoint) = await FiveEventsCheckpointed();
        await using var _ = db;
        await db.ExecuteAsync($$"""
            update {schema}.mt_events set version = -2 where stream_id = '{{stream}}' and version = 2;
            update {schema}.mt_events set version = 2 where stream_id = '{{stream}}' and version = 3;
            update {schema}.mt_events set version = 3 where stream_id = '{{stream}}' and version = -2;
            """);

        (await Verify(db)).BrokenLinks.Select(b => b.Version).Should().Equal(2, 3);
        (await Prove(db, checkpoint)).Failures.Select(f => (f.StreamId, f.Version)).Should().Equal((stream, 2L), (stream, 3L));
    }

    [Fact]
    public async Task Truncating_the_newest_events_with_their_links_passes_the_verifier_but_fails_the_checkpoint()
    {
        var (db, stream, checkpoint) = await FiveEventsCheckpointed();
        await using var _ = db;
        await db.ExecuteAsync($$"""
            delete from {schema}.sc_event_hashes where stream_id = '{{stream}}' and version > 3;
            delete from {schema}.mt_events where stream_id = '{{stream}}' and version > 3;
            update {schema}.mt_streams set version = 3 where id = '{{stream}}';
            """);

        (await Verify(db)).IsClean.Should().BeTrue("a shorter chain is intact");
        var proof = await Prove(db, checkpoint);
        proof.Holds.Should().BeFalse();
        proof.Events.Should().Be(checkpoint.Events - 2);
        proof.RecomputedRootHash.Should().NotBe(checkpoint.RootHash);
        proof.Failures.Should().ContainSingle().Which.StreamId.Should().BeNull();
    }

    [Fact]
    public async Task Truncating_the_newest_events_but_not_their_links_is_named_by_stream_and_version()
    {
        var (db, stream, checkpoint) = await FiveEventsCheckpointed();
        await using var _ = db;
        await db.ExecuteAsync($"delete from {{schema}}.mt_events where stream_id = '{stream}' and version > 3");

        (await Verify(db)).BrokenLinks.Select(b => b.Version).Should().Equal(4, 5);
        (await Prove(db, checkpoint)).Failures.Should().Equal(
            new ProofFailure(stream, 4, "event removed; its chain link remains"), new ProofFailure(stream, 5, "event removed; its chain link remains"));
    }

    [Fact]
    public async Task An_event_inserted_before_covered_events_fails_the_proof_at_its_version()
    {
        var (db, stream, checkpoint) = await FiveEventsCheckpointed();
        await using var _ = db;
        // shift versions 3..5 up and slip a forged event in at 3 with the trigger's help: its link is new, after the checkpoint
        await db.ExecuteAsync($$"""
            update {schema}.mt_events set version = -version where stream_id = '{{stream}}' and version >= 3;
            update {schema}.mt_events set version = 1 - version where stream_id = '{{stream}}' and version < 0;
            delete from {schema}.sc_event_hashes where stream_id = '{{stream}}' and version >= 3;
            insert into {schema}.sc_event_hashes (seq_id, stream_id, version, hash, hash_format, transaction_id)
            select seq_id, stream_id, version, '\x00'::bytea, 2, '1'::xid8 from {schema}.mt_events where stream_id = '{{stream}}' and version >= 4;
            """);
        await db.ExecuteAsync($$"""
            insert into {schema}.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, is_archived)
            select nextval('{schema}.mt_events_sequence'), gen_random_uuid(), stream_id, 3, data, type, timestamp, tenant_id, mt_dotnet_type, false
              from {schema}.mt_events where stream_id = '{{stream}}' and version = 2
            """);

        var proof = await Prove(db, checkpoint);

        proof.Holds.Should().BeFalse();
        proof.Failures.Should().Contain(new ProofFailure(stream, 3, "event added after the checkpoint before events the checkpoint covers"));
    }

    [Fact]
    public async Task A_malformed_checkpoint_is_an_input_error_not_a_failed_proof()
    {
        var (db, _, checkpoint) = await FiveEventsCheckpointed();
        await using var _ = db;

        var act = () => Prove(db, checkpoint with { RootHash = "not a hash" });

        await act.Should().ThrowAsync<InvalidCheckpointException>();
    }
}
