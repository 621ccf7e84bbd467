using SecondChance.Projections.OnMarten;

namespace SecondChance.Projections.Tests.OnMarten;

/// <summary>
/// The rows Marten's daemon builds event by event from a mixed history are the rows a rebuild from scratch builds; and
/// tables Marten did not write (a database the old home-made engine filled) wait for that rebuild.
/// </summary>
[Collection("projections")]
public sealed class LiveAndRebuiltTests(ProjectionsDatabase db) : IClassFixture<ProjectionsDatabase>
{
    // the read models the mixed workload below writes rows to (it houses nobody, so occupancy stays empty)
    private static readonly string[] Names = ["timeline", "dashboard", "wages", "compliance", "catalogue", "oversight", "certificates", "market"];

    private async Task<Dictionary<string, string>> DumpAsync()
    {
        var d = new Dictionary<string, string>();
        foreach (var n in Names) d[n] = await TableDump.SchemaAsync(db, $"sc_{n}");
        return d;
    }

    /// <summary>A mixed workload applied live by the daemon, which is then stopped.</summary>
    private async Task<(Dictionary<string, string> Live, MartenHarness Marten)> LiveAsync(int seed, MartenReadModelOptions? options = null)
    {
        await db.ResetAllAsync();
        var m = await MartenHarness.CreateAsync(db, options: options);
        await Workload.RunAsync(new World(db.Log), 400, seed);
        await m.StartDaemonAsync();
        await m.WaitCaughtUpAsync();
        await m.StopDaemonsAsync();
        var live = await DumpAsync();
        live["wages"].Should().Contain("postings: (", "the history holds postings");
        return (live, m);
    }

    [Fact]
    public async Task Read_models_the_daemon_builds_live_from_a_mixed_history_equal_a_rebuild_from_scratch_in_small_batches()
    {
        var (live, m) = await LiveAsync(seed: 41, MartenHarness.Fast with { RebuildBatchSize = 37 });
        await using var _ = m;
        foreach (var n in Names) await db.ExecuteAsync($"truncate {string.Join(", ", await TablesAsync($"sc_{n}"))}");
        (await DumpAsync()).Should().NotBeEquivalentTo(live);

        await m.Rebuilder.RebuildAllAsync();
        (await DumpAsync()).Should().BeEquivalentTo(live);
    }

    [Fact]
    public async Task Tables_Marten_did_not_write_pause_their_read_models_until_a_rebuild_swaps_in_the_same_rows_from_Marten()
    {
        var (live, first) = await LiveAsync(seed: 43);
        await first.DisposeAsync();
        // what a database the old engine filled looks like: the tables hold rows, Marten has no record of them
        await db.ExecuteAsync("truncate sc_events.sc_read_models; delete from sc_events.mt_event_progression where name like '%:All'");

        await using var m = await MartenHarness.CreateAsync(db);
        (await m.Models.StaleAsync()).Should().BeEquivalentTo(Names, "Marten did not write those tables");
        var daemon = await m.StartDaemonAsync();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await m.Models.Status.ReadAsync()).Any(s => Names.Contains(s.Name) && s.State != "paused"))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the read models did not pause");
            await Task.Delay(100);
        }
        var timeline = await m.StatusAsync("timeline");
        timeline.Version.Should().Be(0);
        timeline.Failure!.Error.Should().Contain("rebuild");
        (await DumpAsync()).Should().BeEquivalentTo(live, "a paused read model writes nothing");

        (await m.Rebuilder.RebuildStaleAsync()).Should().BeEquivalentTo(Names);
        foreach (var n in Names) await m.Models.ResumeAsync(daemon, n);
        await m.WaitCaughtUpAsync();
        (await DumpAsync()).Should().BeEquivalentTo(live);
        (await m.Models.Status.ReadAsync()).Should().OnlyContain(s => s.Version == s.CodeVersion && s.Failure == null);
    }

    private async Task<IReadOnlyList<string>> TablesAsync(string schema)
    {
        await using var cmd = db.DataSource.CreateCommand(
            $"select string_agg(format('%I.%I', schemaname, tablename), ',') from pg_tables where schemaname = '{schema}' and tablename <> 'schema_migrations'");
        return ((string)(await cmd.ExecuteScalarAsync())!).Split(',');
    }
}
