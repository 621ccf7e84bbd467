using SecondChance.Domain.Inmates;
using SecondChance.Projections.Engine;

namespace SecondChance.Projections.Tests;

[Collection("projections")]
public sealed class WakeUpTests(ProjectionsDatabase db) : IClassFixture<ProjectionsDatabase>
{
    [Fact]
    public async Task A_daemon_that_would_poll_only_hourly_wakes_on_the_notification_sent_by_another_process_that_appended()
    {
        await db.ResetAllAsync();
        var hourly = new ProjectionOptions { PollInterval = TimeSpan.FromHours(1), LockRetryInterval = TimeSpan.FromMilliseconds(300) };
        var reader = db.Build([new CountingProjection("counter")], options: hourly);
        var writer = db.Build([], options: hourly);
        await reader.Projections.EnsureAsync(reader.Registry.All);
        using var cts = new CancellationTokenSource();
        var daemon = reader.NewDaemon("reader").RunAsync(cts.Token);
        var notifier = writer.NewDaemon("writer").RunAsync(cts.Token);
        while (!(await reader.NewDaemon().Status.ReadAsync()).Single().Held) await Task.Delay(50);
        await Task.Delay(500); // the holder has read the empty log and is now in its hour-long wait

        var world = new World(writer.Store);
        await world.AdmitAsync(await world.RegisterFacilityAsync("Central Jail Peshawar"), Sex.Male);
        await reader.WaitCaughtUpAsync();
        await cts.CancelAsync();
        await Task.WhenAll(daemon, notifier);
        (await db.ScalarAsync("select count(*) from sc_counter.applied")).Should().Be(await db.ScalarAsync("select count(*) from sc_events.sc_event_hashes"));
    }
}
