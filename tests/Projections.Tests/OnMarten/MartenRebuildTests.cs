using SecondChance.Projections.OnMarten;

namespace SecondChance.Projections.Tests.OnMarten;

[Collection("projections")]
public sealed class MartenRebuildTests(ProjectionsDatabase db) : IClassFixture<ProjectionsDatabase>
{
    private static readonly string[] Names = SecondChance.Projections.ReadModels.SecondChanceProjections.Create().Select(p => p.Name).ToArray();

    private async Task<Dictionary<string, string>> DumpAsync()
    {
        var d = new Dictionary<string, string>();
        foreach (var n in Names) d[n] = await TableDump.SchemaAsync(db, $"sc_{n}");
        return d;
    }

    [Fact]
    public async Task A_rebuild_while_events_keep_arriving_never_empties_the_live_model_and_ends_equal_to_a_rebuild_from_scratch()
    {
        await db.ResetAllAsync();
        await using var m = await MartenHarness.CreateAsync(db, options: MartenHarness.Fast with { RebuildBatchSize = 40 });
        var facility = await m.RegisterFacilityAsync();
        for (var i = 0; i < 150; i++) await m.AdmitAsync(facility);
        await m.StartDaemonAsync();
        await m.WaitCaughtUpAsync();
        var before = await db.ScalarAsync("select count(*) from sc_timeline.timeline");

        using var stop = new CancellationTokenSource();
        var watcher = Task.Run(async () =>
        {
            long smallest = long.MaxValue;
            while (!stop.IsCancellationRequested) smallest = Math.Min(smallest, await db.ScalarAsync("select count(*) from sc_timeline.timeline"));
            return smallest;
        });
        var writer = Task.Run(async () => { for (var i = 0; i < 150; i++) await m.AdmitAsync(facility); });
        var phases = new List<string>();
        await m.Rebuilder.RebuildAllAsync(new SyncProgress(p => phases.Add(p.Phase)));
        await writer;
        await m.WaitCaughtUpAsync();
        await stop.CancelAsync();
        (await watcher).Should().BeGreaterThanOrEqualTo(before, "readers see the old tables until the swap, then the new ones");
        phases.Where(p => p == "swapped").Should().HaveCount(Names.Length);
        (await db.ScalarAsync("select count(*) from sc_timeline.timeline")).Should().Be(300);
        var live = await DumpAsync();

        await m.Rebuilder.RebuildAllAsync();
        (await DumpAsync()).Should().BeEquivalentTo(live);
        (await m.Models.Status.ReadAsync()).Should().OnlyContain(s => !s.Rebuilding && s.State == "running" && s.LagEvents == 0);
        (await db.ScalarAsync("select count(*) from pg_namespace where nspname like 'sc\\_%\\_rebuild' or nspname like 'sc\\_%\\_old'")).Should().Be(0);
    }

    [Fact]
    public async Task A_live_read_model_behind_the_rebuilt_copy_goes_on_from_its_own_position_and_applies_no_event_twice()
    {
        await db.ResetAllAsync();
        await using var m = await MartenHarness.CreateAsync(db, [new CountingProjection("counter")]);
        var facility = await m.RegisterFacilityAsync();
        for (var i = 0; i < 50; i++) await m.AdmitAsync(facility);
        await m.StartDaemonAsync();
        await m.WaitCaughtUpAsync();
        await m.StopDaemonsAsync();
        var live = (await m.StatusAsync("counter")).Checkpoint;
        for (var i = 0; i < 50; i++) await m.AdmitAsync(facility);

        await m.Rebuilder.RebuildAllAsync();
        (await m.StatusAsync("counter")).Checkpoint.Should().Be(live, "the swap never moves Marten's progression under a shard");
        var events = await db.ScalarAsync("select count(*) from sc_events.mt_events");
        (await db.ScalarAsync("select count(*) from sc_counter.applied")).Should().Be(events, "the copy holds every event");

        await m.StartDaemonAsync();
        await m.WaitCaughtUpAsync();
        (await db.ScalarAsync("select count(*) from sc_counter.applied")).Should().Be(events);
        (await db.ScalarAsync("select count(distinct position) from sc_counter.applied")).Should().Be(events);
    }

    [Fact]
    public async Task A_rebuild_that_meets_a_poison_event_fails_naming_it_and_leaves_the_live_model_as_it_was()
    {
        await db.ResetAllAsync();
        var counter = new CountingProjection("counter");
        await using var m = await MartenHarness.CreateAsync(db, [counter]);
        var facility = await m.RegisterFacilityAsync();
        for (var i = 0; i < 30; i++) await m.AdmitAsync(facility);
        await m.StartDaemonAsync();
        await m.WaitCaughtUpAsync();
        var live = await TableDump.SchemaAsync(db, "sc_counter");
        var bad = await db.ScalarAsync("select max(seq_id) from sc_events.mt_events where type = 'inmate_admitted.v1'") - 10;
        counter.Poison = e => e.Position == bad;

        var rebuild = () => m.Rebuilder.RebuildAllAsync();
        (await rebuild.Should().ThrowAsync<Exception>()).Which.ToString().Should().Contain($"could not apply event {bad}");
        (await TableDump.SchemaAsync(db, "sc_counter")).Should().Be(live);
        (await m.StatusAsync("counter")).Should().Match<ProjectionStatus>(s => !s.Rebuilding && s.State == "running" && s.Version == 1);

        counter.Poison = null;
        await m.Rebuilder.RebuildAllAsync();
        (await TableDump.SchemaAsync(db, "sc_counter")).Should().Be(live);
    }

    [Fact]
    public async Task A_read_model_marked_for_rebuild_keeps_running_and_the_stale_rebuild_rebuilds_it_alone()
    {
        await db.ResetAllAsync();
        await using var m = await MartenHarness.CreateAsync(db, [new CountingProjection("marked"), new CountingProjection("untouched")]);
        var facility = await m.RegisterFacilityAsync();
        for (var i = 0; i < 30; i++) await m.AdmitAsync(facility);
        await m.StartDaemonAsync();
        await m.WaitCaughtUpAsync();
        // what an erasure's rebuild replaces: rows built from data that may no longer be read
        await db.ExecuteAsync("delete from sc_marked.applied; delete from sc_untouched.applied where position % 2 = 0");
        var untouched = await db.ScalarAsync("select count(*) from sc_untouched.applied");
        await m.Models.MarkForRebuildAsync(["marked"]);
        (await m.Models.StaleAsync()).Should().Equal("marked");
        await m.AdmitAsync(facility);
        await m.WaitCaughtUpAsync();
        (await db.ScalarAsync("select count(*) from sc_marked.applied")).Should().Be(1, "a marked read model goes on applying new events");

        (await m.Rebuilder.RebuildStaleAsync()).Should().Equal("marked");
        await m.WaitCaughtUpAsync();
        var events = await db.ScalarAsync("select count(*) from sc_events.mt_events");
        (await db.ScalarAsync("select count(*) from sc_marked.applied")).Should().Be(events);
        (await db.ScalarAsync("select count(distinct position) from sc_marked.applied")).Should().Be(events);
        (await db.ScalarAsync("select count(*) from sc_untouched.applied")).Should().Be(untouched + 1, "only the marked one is rebuilt");
        (await m.Models.StaleAsync()).Should().BeEmpty();
    }

    private sealed class SyncProgress(Action<RebuildProgress> report) : IProgress<RebuildProgress>
    {
        public void Report(RebuildProgress value)
        {
            lock (this) report(value);
        }
    }
}
