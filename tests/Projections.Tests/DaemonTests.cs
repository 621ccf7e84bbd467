using SecondChance.EventStore;
using SecondChance.Domain.Facilities;
using SecondChance.Domain.Inmates;
using SecondChance.Projections.Engine;

namespace SecondChance.Projections.Tests;

[Collection("projections")]
public sealed class DaemonTests(ProjectionsDatabase db) : IClassFixture<ProjectionsDatabase>
{
    private async Task AssertAppliedOnceAsync(string projection)
    {
        var events = await db.ScalarAsync("select count(*) from sc_events.sc_event_hashes");
        (await db.ScalarAsync($"select count(*) from sc_{projection}.applied")).Should().Be(events);
        (await db.ScalarAsync($"select count(distinct position) from sc_{projection}.applied")).Should().Be(events);
    }

    private static ProjectionOptions Fast(int batch = 2000) => new()
    {
        BatchSize = batch, PollInterval = TimeSpan.FromMilliseconds(200), LockRetryInterval = TimeSpan.FromMilliseconds(300),
        RetryDelays = [TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(50)], StatusRefreshInterval = TimeSpan.FromMilliseconds(500),
    };

    [Fact]
    public async Task Two_daemons_at_once_never_apply_an_event_twice_and_the_survivor_takes_over_when_the_holder_dies()
    {
        await db.ResetAllAsync();
        var engine = db.Build([new CountingProjection("counter")], options: Fast(batch: 25));
        await engine.Projections.EnsureAsync(engine.Registry.All);
        using var cts = new CancellationTokenSource();
        var a = engine.NewDaemon("process-a").RunAsync(cts.Token);
        var b = engine.NewDaemon("process-b").RunAsync(cts.Token);
        await Workload.RunAsync(new World(engine.Store), 400, seed: 21);
        await engine.WaitCaughtUpAsync();
        var holder = (await engine.NewDaemon().Status.ReadAsync()).Single();
        holder.Held.Should().BeTrue();
        holder.Owner.Should().BeOneOf("process-a", "process-b");

        // the holder's session dies as if its process were killed; the other process must take over
        await db.ExecuteAsync("select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory' and classid = 7301 and granted");
        await Workload.RunAsync(new World(engine.Store), 200, seed: 22);
        await engine.WaitCaughtUpAsync();
        await cts.CancelAsync();
        await Task.WhenAll(a, b);
        await AssertAppliedOnceAsync("counter");
    }

    [Fact]
    public async Task A_daemon_killed_mid_batch_loses_its_uncommitted_work_and_the_next_one_resumes_without_loss_or_double_count()
    {
        await db.ResetAllAsync();
        var counter = new CountingProjection("counter");
        var engine = db.Build([counter], options: Fast(batch: 40));
        await Workload.RunAsync(new World(engine.Store), 150, seed: 31);
        var batches = 0;
        var committedBeforeKill = 0;
        var stuck = new TaskCompletionSource();
        counter.AfterWrite = async (events, ct) =>
        {
            // a batch can hold fewer than 40 when another transaction on the server holds the visibility horizon back
            if (++batches < 3) { committedBeforeKill += events.Count; return; }
            stuck.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
        };
        await engine.Projections.EnsureAsync(engine.Registry.All);
        using (var kill = new CancellationTokenSource())
        {
            var first = engine.NewDaemon("doomed").RunAsync(kill.Token);
            await stuck.Task.WaitAsync(TimeSpan.FromSeconds(60));
            await kill.CancelAsync();
            await first;
        }
        (await db.ScalarAsync("select count(*) from sc_counter.applied")).Should().Be(committedBeforeKill, "two batches committed before the kill");
        committedBeforeKill.Should().BeGreaterThan(0);

        counter.AfterWrite = null;
        await engine.WithDaemonAsync(() => engine.WaitCaughtUpAsync());
        await AssertAppliedOnceAsync("counter");
    }

    [Fact]
    public async Task A_failure_injected_after_some_events_of_a_batch_is_retried_without_double_count()
    {
        await db.ResetAllAsync();
        var counter = new CountingProjection("counter");
        var failures = 0;
        counter.AfterWrite = (events, _) => events.Count > 1 && failures++ < 1 ? throw new IOException("disk hiccup") : Task.CompletedTask;
        var engine = db.Build([counter], options: Fast(batch: 100));
        await Workload.RunAsync(new World(engine.Store), 150, seed: 41);
        await engine.WithDaemonAsync(() => engine.WaitCaughtUpAsync());
        failures.Should().BeGreaterThan(0);
        await AssertAppliedOnceAsync("counter");
    }

    [Fact]
    public async Task A_poison_event_pauses_only_its_projection_records_the_event_and_resume_continues_from_it()
    {
        await db.ResetAllAsync();
        var poisoned = new CountingProjection("poisoned");
        var healthy = new CountingProjection("healthy");
        var engine = db.Build([poisoned, healthy], options: Fast());
        var world = new World(engine.Store);
        await Workload.RunAsync(world, 100, seed: 51);
        var poison = await db.ScalarAsync("select seq_id from sc_events.mt_events where type = 'inmate_admitted.v1' order by seq_id offset 3 limit 1");
        poisoned.Poison = e => e.Position == poison;

        await engine.WithDaemonAsync(async () =>
        {
            await engine.WaitCaughtUpAsync("healthy");
            ProjectionStatus status;
            do { status = (await engine.NewDaemon().Status.ReadAsync()).Single(s => s.Name == "poisoned"); await Task.Delay(50); }
            while (status.State != "paused");
            status.Failure!.Position.Should().Be(poison);
            status.Failure.EventType.Should().Be("inmate_admitted.v1");
            status.Failure.Error.Should().Contain($"cannot handle event {poison}");
            status.LagEvents.Should().BeGreaterThan(0);
            (await db.ScalarAsync("select count(*) from sc_poisoned.applied")).Should()
                .Be(await db.ScalarAsync($"select count(*) from sc_events.sc_event_hashes where seq_id < {poison}"));

            await world.AdmitAsync(world.Facilities.Keys.First(), Sex.Female);
            await engine.WaitCaughtUpAsync("healthy");
            poisoned.Poison = null;
            (await engine.Projections.ResumeAsync("poisoned")).Should().BeTrue();
            await engine.WaitCaughtUpAsync();
        });
        await AssertAppliedOnceAsync("poisoned");
        await AssertAppliedOnceAsync("healthy");
    }

    [Fact]
    public async Task Lag_is_counted_exactly_when_small_and_from_positions_when_large()
    {
        await db.ResetAllAsync();
        var engine = db.Build([new CountingProjection("behind")], options: Fast());
        await engine.WithDaemonAsync(() => engine.WaitCaughtUpAsync());
        async Task<long> Lag() => (await engine.NewDaemon().Status.ReadAsync()).Single(s => s.Name == "behind").LagEvents;

        var streams = Enumerable.Range(0, 12_001).Select(i => JasperFx.Events.StreamAction.Start(((Marten.DocumentStore)engine.Store.Store).Events, $"facility-{i}",
            Enumerable.Range(0, i == 12_000 ? 5 : 10).Select(_ => (object)new FacilityRegistered(Guid.NewGuid(), "Jail", "J", "Asia/Karachi", true))
                .ToArray())).ToList();
        // ten positions handed out and never used (as rolled-back appends leave them) before the events
        await db.ScalarAsync("select max(nextval('sc_events.mt_events_sequence')) from generate_series(1, 10)");
        await engine.Store.Store.BulkInsertEventsAsync(streams[^1..]);
        (await Lag()).Should().Be(5, "a small lag is counted event by event");
        foreach (var chunk in streams[..^1].Chunk(3_000)) await engine.Store.Store.BulkInsertEventsAsync(chunk);
        (await Lag()).Should().Be(120_015, "past the exact limit the lag is read from the positions, unused ones included");
    }

    [Fact]
    public async Task A_projection_marked_for_rebuild_is_built_again_by_the_next_daemon_even_if_the_marker_stopped_first()
    {
        await db.ResetAllAsync();
        var engine = db.Build([new CountingProjection("marked"), new CountingProjection("untouched")], options: Fast());
        var world = new World(engine.Store);
        await Workload.RunAsync(world, 30, seed: 7);
        await engine.WithDaemonAsync(() => engine.WaitCaughtUpAsync());
        // what an erasure's rebuild replaces: rows built from data that may no longer be read
        await db.ExecuteAsync("delete from sc_marked.applied; delete from sc_untouched.applied where position % 2 = 0");
        await engine.Projections.MarkForRebuildAsync(["marked"]);
        (await engine.Projections.LoadAsync("marked", default)).Version.Should().Be(0);

        await engine.WithDaemonAsync(async () =>
        {
            for (var wait = 0; (await engine.Projections.LoadAsync("marked", default)).Version != 1; wait++)
            {
                wait.Should().BeLessThan(1000, "the daemon rebuilds a marked projection when it takes it");
                await Task.Delay(20);
            }
            await engine.WaitCaughtUpAsync();
        });

        await AssertAppliedOnceAsync("marked");
        (await db.ScalarAsync("select count(*) from sc_untouched.applied")).Should().BeLessThan(await db.ScalarAsync("select count(*) from sc_events.sc_event_hashes"));
        (await engine.Projections.LoadAsync("marked", default)).Version.Should().Be(1);
    }
}
