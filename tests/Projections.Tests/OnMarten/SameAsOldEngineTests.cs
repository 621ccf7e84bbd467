
namespace SecondChance.Projections.Tests.OnMarten;

/// <summary>
/// The read models built on Marten's daemon hold exactly the rows the old engine built from the same history.
/// </summary>
[Collection("projections")]
public sealed class SameAsOldEngineTests(ProjectionsDatabase db) : IClassFixture<ProjectionsDatabase>
{
    private static readonly string[] Names = ["timeline", "dashboard", "wages", "compliance", "catalogue", "oversight"];

    private async Task<Dictionary<string, string>> DumpAsync()
    {
        var d = new Dictionary<string, string>();
        foreach (var n in Names) d[n] = await TableDump.SchemaAsync(db, $"sc_{n}");
        return d;
    }

    /// <summary>The old engine's rows built from the history in Marten, and a Marten store set up without read-model tables yet.</summary>
    private async Task<(Dictionary<string, string> Old, MartenHarness Marten)> OldEngineThenMoveAsync(int seed)
    {
        await db.ResetAllAsync();
        var engine = db.Build();
        await Workload.RunAsync(new World(engine.Store), 400, seed);
        await engine.WithDaemonAsync(() => engine.WaitCaughtUpAsync());
        var old = await DumpAsync();
        old["wages"].Should().Contain("postings:");
        // the old engine read its log from Marten's tables, which the daemon now reads too
        var m = await MartenHarness.CreateAsync(db, ensure: false);
        return (old, m);
    }

    [Fact]
    public async Task Read_models_the_daemon_builds_on_Marten_equal_the_old_engines_for_the_same_events()
    {
        var (old, m) = await OldEngineThenMoveAsync(seed: 41);
        await using var _ = m;
        foreach (var n in Names) await db.ExecuteAsync($"drop schema sc_{n} cascade");
        await m.Models.EnsureAsync();
        await m.StartDaemonAsync();
        await m.WaitCaughtUpAsync();
        (await DumpAsync()).Should().BeEquivalentTo(old);
    }

    [Fact]
    public async Task Tables_the_old_engine_left_pause_their_read_models_until_a_rebuild_swaps_in_the_same_rows_from_Marten()
    {
        var (old, m) = await OldEngineThenMoveAsync(seed: 43);
        await using var _ = m;
        await m.Models.EnsureAsync();
        (await m.Models.StaleAsync()).Should().BeEquivalentTo(Names, "Marten did not write those tables");
        var daemon = await m.StartDaemonAsync();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await m.Models.Status.ReadAsync()).Any(s => s.State != "paused"))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the read models did not pause");
            await Task.Delay(100);
        }
        var timeline = await m.StatusAsync("timeline");
        timeline.Version.Should().Be(0);
        timeline.Failure!.Error.Should().Contain("rebuild");
        (await DumpAsync()).Should().BeEquivalentTo(old, "a paused read model writes nothing");

        (await m.Rebuilder.RebuildStaleAsync()).Should().BeEquivalentTo(Names);
        foreach (var n in Names) await m.Models.ResumeAsync(daemon, n);
        await m.WaitCaughtUpAsync();
        (await DumpAsync()).Should().BeEquivalentTo(old);
        (await m.Models.Status.ReadAsync()).Should().OnlyContain(s => s.Version == s.CodeVersion && s.Failure == null);
    }
}
