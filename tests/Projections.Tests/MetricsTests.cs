using System.Diagnostics.Metrics;
using SecondChance.Domain.Inmates;
using SecondChance.Projections.Engine;

namespace SecondChance.Projections.Tests;

[Collection("projections")]
public sealed class MetricsTests(ProjectionsDatabase db) : IClassFixture<ProjectionsDatabase>
{
    [Fact]
    public async Task The_meter_reports_events_applied_and_per_projection_lag_and_checkpoint()
    {
        await db.ResetAllAsync();
        var engine = db.Build([new CountingProjection("counter")]);
        var applied = 0L;
        var gauges = new Dictionary<string, double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ProjectionMetrics.MeterName && ReferenceEquals(instrument.Meter, MeterOf(engine))) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((i, v, _, _) =>
        {
            if (i.Name == "secondchance.projections.events_applied") Interlocked.Add(ref applied, v);
            else lock (gauges) gauges[i.Name] = v;
        });
        listener.SetMeasurementEventCallback<double>((i, v, _, _) => { lock (gauges) gauges[i.Name] = v; });
        listener.SetMeasurementEventCallback<int>((i, v, _, _) => { lock (gauges) gauges[i.Name] = v; });
        listener.Start();

        var world = new World(engine.Store);
        await world.AdmitAsync(await world.RegisterFacilityAsync("Central Jail Karachi"), Sex.Female);
        var events = await db.ScalarAsync("select count(*) from sc_events.sc_event_hashes");
        await engine.WithDaemonAsync(async () =>
        {
            await engine.WaitCaughtUpAsync();
            while (engine.Metrics.Last.Count == 0 || engine.Metrics.Last[0].LagEvents != 0) await Task.Delay(50);
        });
        listener.RecordObservableInstruments();

        Interlocked.Read(ref applied).Should().Be(events);
        gauges["secondchance.projections.lag_events"].Should().Be(0);
        gauges["secondchance.projections.checkpoint"].Should().Be(await db.ScalarAsync("select max(seq_id) from sc_events.sc_event_hashes"));
        gauges["secondchance.projections.paused"].Should().Be(0);
    }

    private static Meter MeterOf(ProjectionsDatabase.Engine engine) => engine.Metrics.Meter;
}
