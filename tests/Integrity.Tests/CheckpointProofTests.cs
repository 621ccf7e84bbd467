using FluentAssertions;
using SecondChance.Integrity.HashChain;
using Xunit;

namespace SecondChance.Integrity.Tests;

/// <summary>
/// The auditor's checkpoint file, as 'checkpoint --out' writes it, proved as 'prove FILE' proves it after someone with
/// SQL access edited Marten's tables: every chain recomputed from content, every head compared with the file's.
/// </summary>
public sealed class CheckpointProofTests
{
    private static IEnumerable<(string, long)> Named(CheckpointProof proof) => proof.BrokenLinks.Select(b => (b.StreamId, b.Version));

    [Fact]
    public async Task A_checkpoint_file_proves_an_untouched_log_recomputing_every_chain_and_reports_its_progress()
    {
        await using var log = await AuditedLog.CreateAsync();
        var file = await log.CheckpointFileAsync();
        var heard = new List<VerificationProgress>();

        var proof = await log.ProveAsync(file, new Immediate<VerificationProgress>(heard.Add));

        proof.Holds.Should().BeTrue();
        proof.BrokenLinks.Should().BeEmpty();
        (proof.Streams, proof.Events, proof.HeadsCompared, proof.BrokenStreams).Should().Be((5L, AuditedLog.Events, true, 0L));
        proof.RecomputedRootHash.Should().Be(proof.Checkpoint.RootHash);
        heard.Should().Equal(new VerificationProgress(5, AuditedLog.Events));
    }

    [Fact]
    public async Task Appends_after_the_checkpoint_never_make_it_fail()
    {
        await using var log = await AuditedLog.CreateAsync();
        var file = await log.CheckpointFileAsync();
        await log.Db.AppendAsync(AuditedLog.Inmate(1), TestEvents.Segregation(Guid.NewGuid(), 6));
        var later = Guid.NewGuid();
        await log.Db.AppendAsync(SecondChance.Domain.StreamIds.Inmate(later), TestEvents.Segregation(later, 1));

        var proof = await log.ProveAsync(file);

        proof.Holds.Should().BeTrue(string.Join("; ", proof.BrokenLinks));
    }

    [Fact]
    public async Task Prove_fails_on_an_edited_event_naming_its_stream_and_version()
    {
        await using var log = await AuditedLog.CreateAsync();
        var file = await log.CheckpointFileAsync();
        await log.ExecuteAsync($"update {{schema}}.mt_events set data = jsonb_set(data, '{{reason}}', '\"edited\"') where stream_id = '{AuditedLog.Inmate(3)}' and version = 4");

        var proof = await log.ProveAsync(file);

        proof.Holds.Should().BeFalse();
        proof.BrokenLinks.Should().Equal(new BrokenLink(AuditedLog.Inmate(3), 4, "hash does not match the event and its predecessor"));
    }

    [Fact]
    public async Task Prove_fails_on_deleted_events_naming_each_stream_and_the_first_missing_version()
    {
        await using var log = await AuditedLog.CreateAsync();
        var file = await log.CheckpointFileAsync();
        // the newest event of one stream, a middle one of another, a whole third stream: with their links, leaving no trace in the log
        await log.ExecuteAsync($$"""
            delete from {schema}.sc_event_hashes where stream_id = '{{AuditedLog.Inmate(1)}}' and version = 5;
            delete from {schema}.mt_events where stream_id = '{{AuditedLog.Inmate(1)}}' and version = 5;
            delete from {schema}.sc_event_hashes where stream_id = '{{AuditedLog.Inmate(3)}}' and version = 3;
            delete from {schema}.mt_events where stream_id = '{{AuditedLog.Inmate(3)}}' and version = 3;
            delete from {schema}.sc_event_hashes where stream_id = '{{AuditedLog.Bulk}}';
            delete from {schema}.mt_events where stream_id = '{{AuditedLog.Bulk}}';
            delete from {schema}.mt_streams where id = '{{AuditedLog.Bulk}}';
            """);

        var proof = await log.ProveAsync(file);

        proof.Holds.Should().BeFalse();
        proof.BrokenLinks.Should().Equal(
            new BrokenLink(AuditedLog.Inmate(1), 5, "event missing: the checkpoint holds this stream up to version 5"),
            new BrokenLink(AuditedLog.Inmate(3), 3, "event missing"),
            new BrokenLink(AuditedLog.Bulk, 1, "events missing: the checkpoint holds this stream up to version 2"));
        proof.BrokenStreams.Should().Be(3);
        (await log.VerifyAsync()).BrokenLinks.Should().Equal(new BrokenLink(AuditedLog.Inmate(3), 3, "event missing"));
    }

    [Fact]
    public async Task Prove_fails_on_inserted_events_naming_each_even_when_their_forged_links_chain()
    {
        await using var log = await AuditedLog.CreateAsync();
        var file = await log.CheckpointFileAsync();
        // one event slipped into the middle of a stream, the later ones moved up a version; the trigger links it onto
        // version 2, and its link is dated back to version 2's transaction, inside the checkpoint
        var middle = AuditedLog.Inmate(4);
        await log.ExecuteAsync(TamperEvidenceTests.ShiftUpFrom(middle, 3));
        await log.ExecuteAsync(TamperEvidenceTests.InsertCopy(middle, from: 2, at: 3));
        await log.ExecuteAsync(DateBack(middle, 3));
        // and one appended to another stream, linked by the trigger onto its head, equally dated back: the chain alone cannot tell
        var end = AuditedLog.Inmate(2);
        await log.ExecuteAsync(TamperEvidenceTests.InsertCopy(end, from: 5, at: 6));
        await log.ExecuteAsync(DateBack(end, 6));
        (await log.VerifyAsync()).BrokenLinks.Select(b => b.StreamId).Distinct().Should().Equal(middle);

        var proof = await log.ProveAsync(file);

        proof.Holds.Should().BeFalse();
        proof.BrokenLinks.Should().Equal(
            new BrokenLink(end, 6, "event not in the checkpoint, which holds this stream up to version 5"),
            new BrokenLink(middle, 4, "hash does not match the event and its predecessor"));
    }

    /// <summary>Gives a link the transaction of <paramref name="like"/>'s first event, so it looks appended inside the checkpoint.</summary>
    private static string DateBack(string stream, long version, string? like = null) => $$"""
        update {schema}.sc_event_hashes set transaction_id = (select transaction_id from {schema}.sc_event_hashes where stream_id = '{{like ?? stream}}' and version = 1)
         where stream_id = '{{stream}}' and version = {{version}}
        """;

    [Fact]
    public async Task Prove_fails_on_an_event_slipped_in_with_a_link_after_the_checkpoint_naming_its_version()
    {
        await using var log = await AuditedLog.CreateAsync();
        var file = await log.CheckpointFileAsync();
        var stream = AuditedLog.Inmate(4);
        await log.ExecuteAsync(TamperEvidenceTests.ShiftUpFrom(stream, 3));
        await log.ExecuteAsync(TamperEvidenceTests.InsertCopy(stream, from: 2, at: 3));

        var proof = await log.ProveAsync(file);

        proof.Holds.Should().BeFalse();
        proof.BrokenLinks.Should().Equal(new BrokenLink(stream, 3, "event added after the checkpoint before events the checkpoint covers"));
    }

    [Fact]
    public async Task Prove_fails_on_reordered_events_naming_the_first_moved_version()
    {
        await using var log = await AuditedLog.CreateAsync();
        var file = await log.CheckpointFileAsync();
        await log.ExecuteAsync(TamperEvidenceTests.Swap(AuditedLog.Inmate(1), 3, 4));

        var proof = await log.ProveAsync(file);

        proof.Holds.Should().BeFalse();
        Named(proof).Should().Equal((AuditedLog.Inmate(1), 3L));
    }

    [Fact]
    public async Task Prove_names_a_stream_rewritten_with_recomputed_links_by_its_head_in_the_checkpoint_file()
    {
        await using var log = await AuditedLog.CreateAsync();
        var file = await log.CheckpointFileAsync();
        await log.ExecuteAsync($"update {{schema}}.mt_events set data = jsonb_set(data, '{{reason}}', '\"calm\"') where stream_id = '{AuditedLog.Inmate(2)}' and version = 1");
        await log.RewriteWithRecomputedLinksAsync(AuditedLog.Inmate(2));
        (await log.VerifyAsync()).IsClean.Should().BeTrue();

        var proof = await log.ProveAsync(file);

        proof.Holds.Should().BeFalse();
        proof.BrokenLinks.Should().Equal(new BrokenLink(AuditedLog.Inmate(2), 5,
            "differs from the checkpoint's head: events up to it were changed and their hashes recomputed"));
    }

    [Fact]
    public async Task A_stream_that_appears_inside_the_checkpoint_afterwards_is_named()
    {
        await using var log = await AuditedLog.CreateAsync();
        var file = await log.CheckpointFileAsync();
        var forged = Guid.NewGuid();
        var stream = SecondChance.Domain.StreamIds.Inmate(forged);
        await log.Db.AppendAsync(stream, TestEvents.Segregation(forged, 1));
        await log.ExecuteAsync(DateBack(stream, 1, like: AuditedLog.Inmate(1)));

        var proof = await log.ProveAsync(file);

        proof.Holds.Should().BeFalse();
        proof.BrokenLinks.Should().Equal(new BrokenLink(stream, 1, "stream not in the checkpoint"));
    }

    [Fact]
    public async Task A_checkpoint_file_of_thousands_of_streams_is_read_back_in_chunks_and_holds()
    {
        await using var db = await TestStore.CreateAsync();
        await db.Store.BulkInsertEventsAsync(Enumerable.Range(0, 3000).Select(i =>
        {
            var id = Guid.NewGuid();
            return JasperFx.Events.StreamAction.Start(db.Store.Events, SecondChance.Domain.StreamIds.Inmate(id), TestEvents.Segregations(id, 2));
        }).ToList());
        var log = new AuditedLog(db);
        var file = await log.CheckpointFileAsync(6000);
        file.Length.Should().BeGreaterThan(4 * 65536, "the heads span several of the reader's buffers");

        var proof = await log.ProveAsync(file);

        CheckpointFile.Heads(() => new MemoryStream(file)).Count().Should().Be(3000);
        proof.Holds.Should().BeTrue();
        (proof.Streams, proof.Events).Should().Be((3000L, 6000L));
    }
}
