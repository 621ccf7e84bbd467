using Marten;
using SecondChance.Domain.Inmates;
using SecondChance.Projections.OnMarten;

namespace SecondChance.Projections.Tests.OnMarten;

[Collection("projections")]
public sealed class MartenDaemonTests(ProjectionsDatabase db) : IClassFixture<ProjectionsDatabase>
{
    private static readonly MartenReadModelOptions Small = MartenHarness.Fast with { BatchSize = 25 };

    private async Task AssertAppliedOnceAsync(string projection)
    {
        var events = await db.ScalarAsync("select count(*) from sc_events.mt_events");
        (await db.ScalarAsync($"select count(*) from sc_{projection}.applied")).Should().Be(events);
        (await db.ScalarAsync($"select count(distinct position) from sc_{projection}.applied")).Should().Be(events);
    }

    private static async Task AdmitManyAsync(MartenHarness m, int count)
    {
        var facility = await m.RegisterFacilityAsync();
        for (var i = 1; i < count; i++) await m.AdmitAsync(facility);
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException(what);
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task A_batch_whose_connection_dies_before_commit_leaves_nothing_and_the_next_daemon_applies_every_event_once()
    {
        await db.ResetAllAsync();
        var counter = new CountingProjection("counter");
        await using var m = await MartenHarness.CreateAsync(db, [counter], Small);
        await AdmitManyAsync(m, 150);
        var batches = 0;
        var stuck = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        counter.AfterWrite = async (_, _) =>
        {
            if (++batches < 3) return;
            stuck.TrySetResult();
            await release.Task;
        };
        await m.StartDaemonAsync();
        await stuck.Task.WaitAsync(TimeSpan.FromSeconds(60));
        // the batch has written its rows and Marten's progress update; its backend dies as if the process were killed
        await db.ExecuteAsync("select pg_terminate_backend(pid) from pg_locks where relation = 'sc_counter.applied'::regclass and granted");
        release.SetResult();
        await m.StopDaemonsAsync();
        var checkpoint = (await m.StatusAsync("counter")).Checkpoint.Position;
        (await db.ScalarAsync("select count(*) from sc_counter.applied"))
            .Should().Be(await db.ScalarAsync($"select count(*) from sc_events.mt_events where seq_id <= {checkpoint}"), "rows and progress commit together");
        (await db.ScalarAsync("select count(*) from sc_counter.applied")).Should().Be(50, "two batches committed before the kill");

        counter.AfterWrite = null;
        await m.StartDaemonAsync();
        await m.WaitCaughtUpAsync();
        await AssertAppliedOnceAsync("counter");
    }

    [Fact]
    public async Task Two_daemons_at_once_never_apply_an_event_twice()
    {
        await db.ResetAllAsync();
        await using var m = await MartenHarness.CreateAsync(db, [new CountingProjection("counter")], Small);
        await using var second = DocumentStore.For(m.Configure);
        await m.StartDaemonAsync();
        await m.StartDaemonAsync(second);
        await AdmitManyAsync(m, 300);
        await m.WaitCaughtUpAsync();
        await AssertAppliedOnceAsync("counter");
    }

    [Fact]
    public async Task A_poison_event_pauses_only_its_read_model_with_the_event_and_error_in_the_status_and_resumes_once_fixed()
    {
        await db.ResetAllAsync();
        var counter = new CountingProjection("counter");
        await using var m = await MartenHarness.CreateAsync(db, [counter, new CountingProjection("other")], Small);
        var facility = await m.RegisterFacilityAsync();
        for (var i = 0; i < 30; i++) await m.AdmitAsync(facility);
        var bad = await m.AdmitAsync(facility);
        for (var i = 0; i < 30; i++) await m.AdmitAsync(facility);
        counter.Poison = e => e.Data is InmateAdmitted a && a.InmateId == bad;
        var daemon = await m.StartDaemonAsync();

        await WaitForAsync(async () => (await m.StatusAsync("counter")).State == "paused", "counter did not pause");
        await m.WaitCaughtUpAsync("other");
        var badPosition = await db.ScalarAsync($"select seq_id from sc_events.mt_events where stream_id = 'inmate-{bad:N}'");
        var paused = await m.StatusAsync("counter");
        paused.Failure.Should().NotBeNull();
        paused.Failure!.Position.Should().Be(badPosition);
        paused.Failure.EventType.Should().Be("inmate_admitted.v1");
        paused.Failure.StreamId.Should().Be($"inmate-{bad:N}");
        paused.Failure.Error.Should().Be($"InvalidOperationException: cannot handle event {badPosition}");
        paused.Checkpoint.Position.Should().BeLessThan(badPosition);
        paused.LagEvents.Should().Be(await db.ScalarAsync($"select count(*) from sc_events.mt_events where seq_id > {paused.Checkpoint.Position}"));
        paused.LagEvents.Should().BeGreaterThan(30);
        (await db.ScalarAsync("select count(*) from sc_counter.applied"))
            .Should().Be(await db.ScalarAsync($"select count(*) from sc_events.mt_events where seq_id <= {paused.Checkpoint.Position}"));
        (await m.StatusAsync("other")).Should().Match<ProjectionStatus>(s => s.State == "running" && s.LagEvents == 0 && s.Failure == null);
        var refused = await m.Models.Positions.CatchUpAsync(["counter", "other"], TimeSpan.FromSeconds(30), CancellationToken.None);
        refused.Should().Match<CatchUp>(c => c.Failure == CatchUpFailure.Paused && c.Projection == "counter"
                                                   && c.Position.Position == paused.Checkpoint.Position);

        counter.Poison = null;
        (await m.Models.ResumeAsync(daemon, "counter")).Should().BeTrue();
        await m.WaitCaughtUpAsync();
        await AssertAppliedOnceAsync("counter");
        (await m.StatusAsync("counter")).Failure.Should().BeNull();
        (await m.Models.ResumeAsync(daemon, "counter")).Should().BeFalse("it runs");
    }

    [Fact]
    public async Task Catch_up_waits_until_the_read_models_include_every_committed_event_or_says_which_is_behind()
    {
        await db.ResetAllAsync();
        await using var m = await MartenHarness.CreateAsync(db, [new CountingProjection("counter"), new CountingProjection("other")], Small);
        await AdmitManyAsync(m, 40);
        var head = await m.Models.Positions.LogHeadAsync(CancellationToken.None);
        head.Position.Should().Be(await db.ScalarAsync("select max(seq_id) from sc_events.mt_events"));

        var behind = await m.Models.Positions.CatchUpAsync(["counter", "other"], TimeSpan.FromMilliseconds(300), CancellationToken.None);
        behind.Should().Match<CatchUp>(c => c.Failure == CatchUpFailure.Behind && c.Target == head && c.Position.Position == 0);

        await m.StartDaemonAsync();
        var reached = await m.Models.Positions.CatchUpAsync(["counter", "other"], TimeSpan.FromSeconds(60), CancellationToken.None);
        reached.Reached.Should().BeTrue();
        reached.Position.Position.Should().BeGreaterThanOrEqualTo(head.Position);
        (await db.ScalarAsync("select count(*) from sc_counter.applied")).Should().BeGreaterThanOrEqualTo(40);
        (await m.Models.Positions.CurrentAsync(["counter"], CancellationToken.None)).Should().Be((await m.StatusAsync("counter")).Checkpoint);
    }

    [Fact]
    public async Task A_read_model_whose_code_version_changed_pauses_until_a_rebuild_built_by_the_new_code_is_swapped_in()
    {
        await db.ResetAllAsync();
        await using (var v1 = await MartenHarness.CreateAsync(db, [new CountingProjection("counter")], Small))
        {
            await AdmitManyAsync(v1, 60);
            await v1.StartDaemonAsync();
            await v1.WaitCaughtUpAsync();
        }
        await using var m = await MartenHarness.CreateAsync(db, [new VersionedProjection(new CountingProjection("counter"), 2)], Small);
        (await m.Models.StaleAsync()).Should().Equal("counter");
        var daemon = await m.StartDaemonAsync();
        await AdmitManyAsync(m, 10);
        await WaitForAsync(async () => (await m.StatusAsync("counter")).State == "paused", "counter did not pause");
        (await m.StatusAsync("counter")).Should().Match<ProjectionStatus>(s => s.Version == 1 && s.CodeVersion == 2);
        (await db.ScalarAsync("select count(*) from sc_counter.applied")).Should().Be(60, "version 2 applies nothing to version 1's tables");

        (await m.Rebuilder.RebuildStaleAsync()).Should().Equal("counter");
        await m.Models.ResumeAsync(daemon, "counter");
        await m.WaitCaughtUpAsync();
        await AssertAppliedOnceAsync("counter");
        (await m.StatusAsync("counter")).Should().Match<ProjectionStatus>(s => s.Version == 2 && s.State == "running");
    }

    [Fact]
    public async Task Lag_is_counted_exactly_when_small_and_from_the_sequences_when_large()
    {
        await db.ResetAllAsync();
        await using var m = await MartenHarness.CreateAsync(db, [new CountingProjection("behind")], Small);
        async Task<long> Lag() => (await m.StatusAsync("behind")).LagEvents;
        (await Lag()).Should().Be(0);

        var streams = Enumerable.Range(0, 12_001).Select(i => JasperFx.Events.StreamAction.Start(m.Store.Events, $"facility-{i}",
            Enumerable.Range(0, i == 12_000 ? 5 : 10).Select(_ => (object)new SecondChance.Domain.Facilities.FacilityRegistered(
                Guid.NewGuid(), "Jail", "J", "Asia/Karachi", true)).ToArray())).ToList();
        // ten sequences handed out and never used (as rolled-back appends leave them) before the events
        await db.ScalarAsync("select max(nextval('sc_events.mt_events_sequence')) from generate_series(1, 10)");
        await m.Store.BulkInsertEventsAsync(streams[^1..]);
        (await Lag()).Should().Be(5, "a small lag is counted event by event");
        foreach (var chunk in streams[..^1].Chunk(3_000)) await m.Store.BulkInsertEventsAsync(chunk);
        (await Lag()).Should().Be(120_015, "past the exact limit the lag is read from the sequences, unused ones included");
    }
}
