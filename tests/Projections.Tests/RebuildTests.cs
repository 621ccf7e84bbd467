using SecondChance.Domain;
using SecondChance.Domain.Inmates;
using SecondChance.Projections.ReadModels.Timeline;

namespace SecondChance.Projections.Tests;

[Collection("projections")]
public sealed class RebuildTests(ProjectionsDatabase db) : IClassFixture<ProjectionsDatabase>
{
    private static readonly string[] Names = ["timeline", "dashboard", "wages", "compliance", "catalogue"];

    private static async Task<Dictionary<string, string>> DumpAsync(ProjectionsDatabase db)
    {
        var d = new Dictionary<string, string>();
        foreach (var n in Names) d[n] = await TableDump.SchemaAsync(db, $"sc_{n}");
        return d;
    }

    [Fact]
    public async Task Rebuild_yields_exactly_the_rows_the_live_projections_hold()
    {
        await db.ResetAllAsync();
        var engine = db.Build();
        await Workload.RunAsync(new World(engine.Store), 600, seed: 7);
        await engine.WithDaemonAsync(async () =>
        {
            await engine.WaitCaughtUpAsync();
            var live = await DumpAsync(db);
            live["wages"].Should().Contain("postings:");
            // small batches, so the rebuild reads many of them in parallel from precomputed boundaries
            await engine.Rebuilder.RebuildAsync(engine.Registry.All.ToList(), batchSize: 37);
            await engine.WaitCaughtUpAsync();
            (await DumpAsync(db)).Should().BeEquivalentTo(live);
        });
    }

    [Fact]
    public async Task A_rebuild_while_events_keep_arriving_ends_equal_to_a_rebuild_from_scratch_and_the_live_model_never_empties()
    {
        await db.ResetAllAsync();
        var engine = db.Build(options: null);
        var world = new World(engine.Store);
        await Workload.RunAsync(world, 300, seed: 11);
        await engine.WithDaemonAsync(async () =>
        {
            await engine.WaitCaughtUpAsync();
            var before = await db.ScalarAsync("select count(*) from sc_timeline.timeline");
            using var stop = new CancellationTokenSource();
            var watcher = Task.Run(async () =>
            {
                long smallest = long.MaxValue;
                while (!stop.IsCancellationRequested) { smallest = Math.Min(smallest, await db.ScalarAsync("select count(*) from sc_timeline.timeline")); }
                return smallest;
            });
            var writer = Workload.RunAsync(new World(engine.Store), 300, seed: 12);
            await engine.Rebuilder.RebuildAllAsync();
            await writer;
            await engine.WaitCaughtUpAsync();
            await stop.CancelAsync();
            (await watcher).Should().BeGreaterThanOrEqualTo(before, "readers see the old model until the swap, then the new one");
            var afterLive = await DumpAsync(db);
            await engine.Rebuilder.RebuildAllAsync();
            (await DumpAsync(db)).Should().BeEquivalentTo(afterLive);
        });
    }

    [Fact]
    public async Task An_inline_projection_is_readable_right_after_the_append_and_rebuilds_to_the_same_rows()
    {
        await db.ResetAllAsync();
        var engine = db.Build(inline: ["timeline"]);
        await engine.Projections.EnsureAsync(engine.Registry.All);
        var world = new World(engine.Store);
        var facility = await world.RegisterFacilityAsync("Women's Jail Peshawar");
        var inmate = await world.AdmitAsync(facility, Sex.Female);
        (await engine.Queries.Timeline.ForInmateAsync(inmate)).Should().ContainSingle(t => t.EventType == "inmate_admitted.v1");

        await Workload.RunAsync(world, 200, seed: 3);
        var live = await TableDump.SchemaAsync(db, "sc_timeline");
        await engine.Rebuilder.RebuildAsync([engine.Registry.Find("timeline")!]);
        (await TableDump.SchemaAsync(db, "sc_timeline")).Should().Be(live);
        await world.RecordAsync(StreamIds.Inmate(inmate), new AttributionConsentGiven(inmate, world.Tick()));
        (await engine.Queries.Timeline.ForInmateAsync(inmate)).Should().Contain(t => t.EventType == "attribution_consent_given.v1");
        (await engine.NewDaemon().Status.ReadAsync()).Single(s => s.Name == "timeline").State.Should().Be("inline");
    }
}
