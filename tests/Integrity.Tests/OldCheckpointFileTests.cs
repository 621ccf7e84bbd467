using FluentAssertions;
using SecondChance.Domain;
using SecondChance.Integrity.HashChain;
using SecondChance.Integrity.Moving;
using Xunit;

namespace SecondChance.Integrity.Tests;

/// <summary>An auditor's checkpoint files, from before the move and after it, on Marten's tables.</summary>
public sealed class OldCheckpointFileTests
{
    private static readonly FixedClock At = new(OldStoreDatabase.CheckpointTakenAt);

    /// <summary>The checkpoint file (with its heads) the old code wrote, covering every event the old store wrote.</summary>
    private static byte[] OldFile() => OldStoreDatabase.OldCheckpointFile();

    private static Task<byte[]> MartenFileAsync(OldStoreDatabase db) =>
        Covering(async file => (await CheckpointFile.WriteAsync(new AuditCheckpoints(db.DataSource), At, file)).Events);

    /// <summary>A checkpoint stops below the oldest transaction running anywhere on the shared server; wait until it covers every event.</summary>
    private static async Task<byte[]> Covering(Func<Stream, Task<long>> write)
    {
        for (var wait = 0; ; wait++)
        {
            using var file = new MemoryStream();
            var events = await write(file);
            if (events == OldStoreDatabase.EventCount || wait > 1500)
            {
                events.Should().Be(OldStoreDatabase.EventCount);
                return file.ToArray();
            }
            await Task.Delay(20);
        }
    }

    private static Task<CheckpointProof> ProveAsync(OldStoreDatabase db, byte[] file) =>
        new AuditCheckpoints(db.DataSource).ProveAsync(CheckpointFile.Read(() => new MemoryStream(file)).Checkpoint,
            CheckpointFile.Heads(() => new MemoryStream(file)), null);

    [Fact]
    public async Task The_checkpoint_file_written_on_martens_tables_after_the_move_is_the_old_stores_byte_for_byte()
    {
        await using var db = await OldStoreDatabase.CreateAsync();
        var old = OldFile();

        await new OldStoreMove(db.ConnectionString).RunAsync();

        (await MartenFileAsync(db)).Should().Equal(old);
    }

    [Fact]
    public async Task An_old_checkpoint_file_proves_on_martens_tables_and_names_a_moved_stream_rewritten_with_recomputed_links()
    {
        await using var db = await OldStoreDatabase.CreateAsync();
        var old = OldFile();
        await new OldStoreMove(db.ConnectionString).RunAsync();

        var proof = await ProveAsync(db, old);
        proof.Holds.Should().BeTrue(string.Join("; ", proof.BrokenLinks));
        (proof.HeadsCompared, proof.Streams, proof.Events).Should().Be((true, 3L, OldStoreDatabase.EventCount));

        var wages = StreamIds.WageAccount(OldStoreDatabase.Inmate);
        await db.ExecuteAsync($"update {MartenSetup.Schema}.mt_events set data = jsonb_set(data, '{{amountMinor}}', '99999') where stream_id = '{wages}' and version = 1");
        await db.ExecuteAsync(AuditedLog.RewriteWithRecomputedLinks(wages));
        (await new ChainVerifier(db.DataSource).VerifyAsync()).IsClean.Should().BeTrue();

        (await ProveAsync(db, old)).BrokenLinks.Should().Equal(
            new BrokenLink(wages, 3, "differs from the checkpoint's head: events up to it were changed and their hashes recomputed"));
    }

    [Fact]
    public async Task A_proof_on_martens_tables_recomputes_moved_format_1_chains_and_names_an_old_event_edited_after_the_checkpoint()
    {
        await using var db = await OldStoreDatabase.CreateAsync();
        await new OldStoreMove(db.ConnectionString).RunAsync();
        var file = await MartenFileAsync(db);
        (await ProveAsync(db, file)).Holds.Should().BeTrue();

        await db.ExecuteAsync($"update {MartenSetup.Schema}.mt_events set data = '{{\"text\": \"y\"}}' where stream_id = '{OldStoreDatabase.OldStream}' and version = 1");
        var proof = await ProveAsync(db, file);

        proof.Holds.Should().BeFalse();
        proof.BrokenLinks.Should().Equal(new BrokenLink(OldStoreDatabase.OldStream, 1, "hash does not match the event and its predecessor"));
        (await new ChainVerifier(db.DataSource).VerifyAsync()).BrokenLinks.Should().Equal(proof.BrokenLinks);
    }
}
