using FluentAssertions;
using SecondChance.Integrity.HashChain;
using Xunit;

namespace SecondChance.Integrity.Tests;

/// <summary>Someone with SQL access edits Marten's tables directly; the verifier names what it can, the auditor's checkpoint the rest.</summary>
public sealed class TamperEvidenceTests
{
    private static IEnumerable<(string, long)> Named(IEnumerable<BrokenLink> links) => links.Select(b => (b.StreamId, b.Version));

    [Fact]
    public async Task An_untouched_log_verifies_clean_and_reports_its_progress_to_the_end()
    {
        await using var log = await AuditedLog.CreateAsync();
        var heard = new List<VerificationProgress>();

        var report = await log.VerifyAsync(new Immediate<VerificationProgress>(heard.Add));

        report.BrokenLinks.Should().BeEmpty();
        (report.StreamsChecked, report.EventsChecked).Should().Be((5L, AuditedLog.Events));
        heard.Should().HaveCount(3, "each of the three partitions reports when it ends");
        heard.Max(p => p.EventsChecked).Should().Be(AuditedLog.Events);
    }

    [Fact]
    public async Task Changing_one_events_data_names_exactly_that_stream_and_version()
    {
        await using var log = await AuditedLog.CreateAsync();
        await log.ExecuteAsync($"update {{schema}}.mt_events set data = jsonb_set(data, '{{reason}}', '\"nothing happened\"') where stream_id = '{AuditedLog.Inmate(2)}' and version = 2");

        (await log.VerifyAsync()).BrokenLinks.Should().Equal(new BrokenLink(AuditedLog.Inmate(2), 2, "hash does not match the event and its predecessor"));
    }

    [Fact]
    public async Task Altering_metadata_names_that_event()
    {
        await using var log = await AuditedLog.CreateAsync();
        await log.ExecuteAsync($"update {{schema}}.mt_events set user_name = 'someone else' where stream_id = '{AuditedLog.Inmate(3)}' and version = 4");
        await log.ExecuteAsync($"update {{schema}}.mt_events set headers = '{{\"note\": \"other\"}}' where stream_id = '{AuditedLog.Bulk}' and version = 1");

        Named((await log.VerifyAsync()).BrokenLinks).Should().Equal((AuditedLog.Inmate(3), 4L), (AuditedLog.Bulk, 1L));
    }

    [Fact]
    public async Task Deleting_a_middle_event_names_the_missing_version_and_the_link_it_left_behind()
    {
        await using var log = await AuditedLog.CreateAsync();
        await log.ExecuteAsync($"delete from {{schema}}.mt_events where stream_id = '{AuditedLog.Inmate(3)}' and version = 3");

        (await log.VerifyAsync()).BrokenLinks.Should().Equal(
            new BrokenLink(AuditedLog.Inmate(3), 3, "event missing"), new BrokenLink(AuditedLog.Inmate(3), 3, "event removed; its chain link remains"));
    }

    [Fact]
    public async Task Deleting_a_middle_event_with_its_link_names_the_missing_version()
    {
        await using var log = await AuditedLog.CreateAsync();
        await log.ExecuteAsync($$"""
            delete from {schema}.sc_event_hashes where stream_id = '{{AuditedLog.Inmate(3)}}' and version = 3;
            delete from {schema}.mt_events where stream_id = '{{AuditedLog.Inmate(3)}}' and version = 3;
            """);

        (await log.VerifyAsync()).BrokenLinks.Should().Equal(new BrokenLink(AuditedLog.Inmate(3), 3, "event missing"));
    }

    [Fact]
    public async Task Deleting_every_event_of_a_stream_with_its_links_is_named()
    {
        await using var log = await AuditedLog.CreateAsync();
        await log.ExecuteAsync($$"""
            delete from {schema}.sc_event_hashes where stream_id = '{{AuditedLog.Inmate(4)}}';
            delete from {schema}.mt_events where stream_id = '{{AuditedLog.Inmate(4)}}';
            """);

        (await log.VerifyAsync()).BrokenLinks.Should().Equal(new BrokenLink(AuditedLog.Inmate(4), 1, "stream has no events"));
    }

    [Fact]
    public async Task Swapping_two_versions_names_both()
    {
        await using var log = await AuditedLog.CreateAsync();
        await log.ExecuteAsync(Swap(AuditedLog.Inmate(1), 3, 4));

        Named((await log.VerifyAsync()).BrokenLinks).Should().Equal((AuditedLog.Inmate(1), 3L), (AuditedLog.Inmate(1), 4L));
    }

    [Fact]
    public async Task Swapping_two_events_data_names_both_and_fails_the_checkpoint_at_the_first()
    {
        await using var log = await AuditedLog.CreateAsync();
        var checkpoint = await log.CheckpointAsync();
        await log.ExecuteAsync($$"""
            update {schema}.mt_events e set data = o.data from {schema}.mt_events o
             where e.stream_id = '{{AuditedLog.Inmate(1)}}' and o.stream_id = e.stream_id and e.version in (2, 3) and o.version = 5 - e.version
            """);

        Named((await log.VerifyAsync()).BrokenLinks).Should().Equal((AuditedLog.Inmate(1), 2L), (AuditedLog.Inmate(1), 3L));
        Named((await log.Checkpoints.ProveAsync(checkpoint)).BrokenLinks).Should().Equal((AuditedLog.Inmate(1), 2L));
    }

    [Fact]
    public async Task A_link_of_an_unknown_format_is_named_by_the_verifier_and_the_proof_instead_of_stopping_them()
    {
        await using var log = await AuditedLog.CreateAsync();
        var file = await log.CheckpointFileAsync();
        await log.ExecuteAsync($"update {{schema}}.sc_event_hashes set hash_format = 9 where stream_id = '{AuditedLog.Inmate(4)}' and version = 2");

        (await log.VerifyAsync()).BrokenLinks.Should().Equal(new BrokenLink(AuditedLog.Inmate(4), 2, "unknown hash format"));
        (await log.ProveAsync(file)).BrokenLinks.Should().Equal(new BrokenLink(AuditedLog.Inmate(4), 2, "unknown hash format"));
    }

    internal static string Swap(string stream, long a, long b) => $$"""
        update {schema}.mt_events set version = -1 where stream_id = '{{stream}}' and version = {{a}};
        update {schema}.mt_events set version = {{a}} where stream_id = '{{stream}}' and version = {{b}};
        update {schema}.mt_events set version = {{b}} where stream_id = '{{stream}}' and version = -1;
        """;

    [Fact]
    public async Task Deleting_the_newest_events_with_their_links_leaves_an_intact_shorter_chain_that_the_checkpoint_catches_by_its_root()
    {
        await using var log = await AuditedLog.CreateAsync();
        var checkpoint = await log.CheckpointAsync();
        await log.ExecuteAsync($$"""
            delete from {schema}.sc_event_hashes where stream_id = '{{AuditedLog.Inmate(3)}}' and version > 3;
            delete from {schema}.mt_events where stream_id = '{{AuditedLog.Inmate(3)}}' and version > 3;
            update {schema}.mt_streams set version = 3 where id = '{{AuditedLog.Inmate(3)}}';
            """);

        (await log.VerifyAsync()).IsClean.Should().BeTrue("a shorter chain is intact");
        var proof = await log.Checkpoints.ProveAsync(checkpoint);

        proof.Holds.Should().BeFalse();
        proof.FirstBroken.Should().BeNull("a checkpoint without heads cannot say which stream is short");
        (proof.Streams, proof.Events, proof.HeadsCompared).Should().Be((5L, AuditedLog.Events - 2, false));
        proof.RecomputedRootHash.Should().NotBe(checkpoint.RootHash);
    }

    [Fact]
    public async Task Deleting_the_newest_events_but_not_their_links_is_named_even_without_the_checkpoints_heads()
    {
        await using var log = await AuditedLog.CreateAsync();
        var checkpoint = await log.CheckpointAsync();
        await log.ExecuteAsync($"delete from {{schema}}.mt_events where stream_id = '{AuditedLog.Inmate(3)}' and version > 3");
        await log.ExecuteAsync($"delete from {{schema}}.mt_events where stream_id = '{AuditedLog.Bulk}'");

        Named((await log.VerifyAsync()).BrokenLinks).Should().Equal(
            (AuditedLog.Inmate(3), 4L), (AuditedLog.Inmate(3), 5L), (AuditedLog.Bulk, 1L), (AuditedLog.Bulk, 1L), (AuditedLog.Bulk, 2L));
        var proof = await log.Checkpoints.ProveAsync(checkpoint);
        proof.Holds.Should().BeFalse();
        proof.BrokenLinks.Should().Equal(
            new BrokenLink(AuditedLog.Inmate(3), 4, "event removed; its chain link remains"),
            new BrokenLink(AuditedLog.Bulk, 1, "event removed; its chain link remains"));
    }

    [Fact]
    public async Task A_checkpoint_without_its_heads_fails_and_names_an_event_whose_data_was_updated()
    {
        await using var log = await AuditedLog.CreateAsync();
        var checkpoint = await log.CheckpointAsync();
        await log.ExecuteAsync($"update {{schema}}.mt_events set data = jsonb_set(data, '{{reason}}', '\"calm\"') where stream_id = '{AuditedLog.Inmate(2)}' and version = 2");

        var proof = await log.Checkpoints.ProveAsync(checkpoint);

        proof.Holds.Should().BeFalse();
        proof.FirstBroken.Should().Be(new BrokenLink(AuditedLog.Inmate(2), 2, "hash does not match the event and its predecessor"));
    }

    [Fact]
    public async Task A_checkpoint_still_holds_after_new_appends_but_not_after_history_is_rewritten_with_recomputed_links()
    {
        await using var log = await AuditedLog.CreateAsync();
        var checkpoint = await log.CheckpointAsync();
        await log.Db.AppendAsync(AuditedLog.Inmate(1), TestEvents.Segregation(Guid.NewGuid(), 6));
        var later = Guid.NewGuid();
        await log.Db.AppendAsync(SecondChance.Domain.StreamIds.Inmate(later), TestEvents.Segregation(later, 1));

        (await log.Checkpoints.ProveAsync(checkpoint)).Holds.Should().BeTrue();

        // whoever rewrites an old event and recomputes every link after it leaves the chains valid...
        await log.ExecuteAsync($"update {{schema}}.mt_events set data = jsonb_set(data, '{{reason}}', '\"calm\"') where stream_id = '{AuditedLog.Inmate(2)}' and version = 1");
        await log.RewriteWithRecomputedLinksAsync(AuditedLog.Inmate(2));
        (await log.VerifyAsync()).IsClean.Should().BeTrue();
        // ...but not the checkpoint the auditor kept
        var proof = await log.Checkpoints.ProveAsync(checkpoint);
        proof.Holds.Should().BeFalse();
        proof.RecomputedRootHash.Should().NotBe(checkpoint.RootHash);
        (proof.Streams, proof.Events).Should().Be((5L, AuditedLog.Events));
    }

    [Fact]
    public async Task An_event_slipped_in_before_covered_events_with_a_link_after_the_checkpoint_fails_the_proof_at_its_version()
    {
        await using var log = await AuditedLog.CreateAsync();
        var checkpoint = await log.CheckpointAsync();
        var stream = AuditedLog.Inmate(4);
        // versions 3..5 and their links moved up one, and a copy of version 2 inserted at 3: the trigger links it, now
        await log.ExecuteAsync(ShiftUpFrom(stream, 3));
        await log.ExecuteAsync(InsertCopy(stream, from: 2, at: 3));

        var proof = await log.Checkpoints.ProveAsync(checkpoint);

        proof.Holds.Should().BeFalse();
        proof.BrokenLinks.Should().Equal(new BrokenLink(stream, 3, "event added after the checkpoint before events the checkpoint covers"));
    }

    internal static string ShiftUpFrom(string stream, long version) => $$"""
        update {schema}.mt_events set version = -version where stream_id = '{{stream}}' and version >= {{version}};
        update {schema}.mt_events set version = 1 - version where stream_id = '{{stream}}' and version < 0;
        update {schema}.sc_event_hashes set version = -version where stream_id = '{{stream}}' and version >= {{version}};
        update {schema}.sc_event_hashes set version = 1 - version where stream_id = '{{stream}}' and version < 0;
        """;

    internal static string InsertCopy(string stream, long from, long at) => $$"""
        insert into {schema}.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, is_archived)
        select nextval('{schema}.mt_events_sequence'), gen_random_uuid(), stream_id, {{at}}, data, type, timestamp, tenant_id, mt_dotnet_type, false
          from {schema}.mt_events where stream_id = '{{stream}}' and version = {{from}}
        """;
}
