using System.Text.RegularExpressions;
using FluentAssertions;
using SecondChance.Integrity.HashChain;
using SecondChance.Integrity.Moving;
using Xunit;

namespace SecondChance.Integrity.Tests;

/// <summary>
/// docs/tamper-evidence.md promises an auditor can check Marten's tables with psql and sha256sum alone; its blocks are
/// run here as written, before and after someone edits the tables.
/// </summary>
public sealed class AuditorRecipeTests
{
    private const string NoRows = "(0 rows)";

    private static async Task<(AuditedLog Log, AuditorRecipe Recipe, string Root)> Checkpointed()
    {
        var log = await AuditedLog.CreateAsync();
        var file = await log.CheckpointFileAsync();
        return (log, new AuditorRecipe(log.Db.ConnectionString, file), CheckpointFile.Read(() => new MemoryStream(file)).Checkpoint.RootHash);
    }

    private static string Sum(string hash) => $"{hash}  -\n";

    private static void ShouldList(AuditorRecipe.Run run, params string[] cells) =>
        run.Output.Should().MatchRegex(@"(?m)^\s*" + string.Join(@"\s*\|\s*", cells.Select(Regex.Escape)) + @"\s*$", run.ToString());

    [Fact]
    public void The_document_holds_the_five_steps()
    {
        AuditorRecipe.Steps.Should().Equal('A', 'B', 'C', 'D', 'E');
    }

    [Fact]
    public async Task On_an_untouched_log_both_roots_are_the_checkpoints_no_link_or_head_differs_and_one_link_recomputed_by_sha256sum_is_the_stored_one()
    {
        var (log, recipe, root) = await Checkpointed();
        await using var _ = log;
        using var __ = recipe;

        (await recipe.RunAsync('A')).Output.Should().Be(Sum(root));
        (await recipe.RunAsync('B')).Output.Should().Contain(NoRows);
        var heads = await recipe.RunAsync('C');
        heads.Output.Should().Contain(NoRows);
        ShouldList(heads, "5", "22", "5", "22");
        (await recipe.RunAsync('D')).Output.Should().Be(Sum(root));
        // data and headers with Urdu text, quotes and escapes: the bytes psql prints are the bytes the trigger hashed
        var stored = await StoredLink(log, AuditedLog.Inmate(2), 1);
        (await recipe.RunAsync('E', AuditedLog.Inmate(2), 1)).Output.Should().Be($"{stored}  -\n{stored}\n");
    }

    private static async Task<string> StoredLink(AuditedLog log, string stream, long version) => Convert.ToHexStringLower((await log.Db.ScalarAsync<byte[]>(
        "select h.hash from {schema}.mt_events e join {schema}.sc_event_hashes h on h.seq_id = e.seq_id where e.stream_id = $1 and e.version = $2",
        stream, version))!);

    [Fact]
    public async Task An_sql_update_of_one_event_is_named_by_the_link_check_and_its_link_recomputed_by_sha256sum_differs()
    {
        var (log, recipe, root) = await Checkpointed();
        await using var _ = log;
        using var __ = recipe;
        await log.ExecuteAsync($"update {{schema}}.mt_events set data = jsonb_set(data, '{{reason}}', '\"nothing happened\"') where stream_id = '{AuditedLog.Inmate(2)}' and version = 2");

        var links = await recipe.RunAsync('B');
        ShouldList(links, AuditedLog.Inmate(2), "2", "link does not match the event and its predecessor");
        links.Output.Should().Contain("(1 row)");
        (await recipe.RunAsync('D')).Output.Should().Be(Sum(root), "the stored links were left alone; step B is what sees the edit");
        var stored = await StoredLink(log, AuditedLog.Inmate(2), 2);
        var link = await recipe.RunAsync('E', AuditedLog.Inmate(2), 2);
        link.Output.Should().MatchRegex($"^[0-9a-f]{{64}}  -\n{stored}\n$").And.NotStartWith(stored, link.ToString());
    }

    [Fact]
    public async Task A_stream_rewritten_with_recomputed_links_passes_the_link_check_but_is_named_against_the_checkpoints_heads_and_root()
    {
        var (log, recipe, root) = await Checkpointed();
        await using var _ = log;
        using var __ = recipe;
        await log.ExecuteAsync($"update {{schema}}.mt_events set data = jsonb_set(data, '{{reason}}', '\"calm\"') where stream_id = '{AuditedLog.Inmate(2)}' and version = 1");
        await log.RewriteWithRecomputedLinksAsync(AuditedLog.Inmate(2));

        (await recipe.RunAsync('B')).Output.Should().Contain(NoRows);
        var heads = await recipe.RunAsync('C');
        ShouldList(heads, AuditedLog.Inmate(2), "5", "5");
        ShouldList(heads, "5", "22", "5", "22");
        (await recipe.RunAsync('A')).Output.Should().Be(Sum(root));
        (await recipe.RunAsync('D')).Output.Should().NotBe(Sum(root));
    }

    [Fact]
    public async Task The_newest_events_deleted_with_their_links_pass_the_link_check_but_are_named_against_the_checkpoints_heads_counts_and_root()
    {
        var (log, recipe, root) = await Checkpointed();
        await using var _ = log;
        using var __ = recipe;
        await log.ExecuteAsync($$"""
            delete from {schema}.sc_event_hashes where stream_id = '{{AuditedLog.Inmate(3)}}' and version > 3;
            delete from {schema}.mt_events where stream_id = '{{AuditedLog.Inmate(3)}}' and version > 3;
            """);

        (await recipe.RunAsync('B')).Output.Should().Contain(NoRows);
        var heads = await recipe.RunAsync('C');
        ShouldList(heads, AuditedLog.Inmate(3), "3", "5");
        ShouldList(heads, "5", "20", "5", "22");
        (await recipe.RunAsync('D')).Output.Should().NotBe(Sum(root));
    }

    [Fact]
    public async Task History_moved_from_the_old_store_with_format_1_links_passes_every_step_until_an_old_event_is_edited()
    {
        await using var db = await OldStoreDatabase.CreateAsync();
        await new OldStoreMove(db.ConnectionString).RunAsync();
        using var file = new MemoryStream();
        var checkpoint = await CheckpointFile.WriteAsync(new AuditCheckpoints(db.DataSource), TimeProvider.System, file);
        for (var wait = 0; checkpoint.Events < OldStoreDatabase.EventCount && wait < 1500; wait++)
        {
            await Task.Delay(20); // another test's open transaction may hold the visibility horizon back
            file.SetLength(0);
            checkpoint = await CheckpointFile.WriteAsync(new AuditCheckpoints(db.DataSource), TimeProvider.System, file);
        }
        using var recipe = new AuditorRecipe(db.ConnectionString, file.ToArray());

        (await recipe.RunAsync('A')).Output.Should().Be(Sum(checkpoint.RootHash));
        (await recipe.RunAsync('B')).Output.Should().Contain(NoRows);
        (await recipe.RunAsync('C')).Output.Should().Contain(NoRows);
        (await recipe.RunAsync('D')).Output.Should().Be(Sum(checkpoint.RootHash));

        await db.ExecuteAsync($"update {MartenSetup.Schema}.mt_events set data = '{{\"text\": \"y\"}}' where stream_id = '{OldStoreDatabase.OldStream}' and version = 1");
        ShouldList(await recipe.RunAsync('B'), OldStoreDatabase.OldStream, "1", "link does not match the event and its predecessor");
    }
}
