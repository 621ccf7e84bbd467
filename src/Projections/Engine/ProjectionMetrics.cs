using System.Diagnostics.Metrics;

namespace SecondChance.Projections.Engine;

/// <summary>Meter "SecondChance.Projections": events applied, batch time, and per-projection checkpoint, lag and state.</summary>
public sealed class ProjectionMetrics : IDisposable
{
    public const string MeterName = "SecondChance.Projections";
    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _applied;
    private readonly Histogram<double> _batchMs;
    private volatile IReadOnlyList<ProjectionStatus> _last = [];

    public ProjectionMetrics()
    {
        _applied = _meter.CreateCounter<long>("secondchance.projections.events_applied", "{event}");
        _batchMs = _meter.CreateHistogram<double>("secondchance.projections.batch_duration", "ms");
        _meter.CreateObservableGauge("secondchance.projections.checkpoint", () => Each(s => s.Checkpoint.Position), "{position}");
        _meter.CreateObservableGauge("secondchance.projections.lag_events", () => Each(s => s.LagEvents), "{event}");
        _meter.CreateObservableGauge("secondchance.projections.lag_seconds", () => Each(s => s.LagSeconds), "s");
        _meter.CreateObservableGauge("secondchance.projections.paused", () => Each(s => s.State == "paused" ? 1 : 0));
        _meter.CreateObservableGauge("secondchance.projections.rebuilding", () => Each(s => s.Rebuilding ? 1 : 0));
        _meter.CreateObservableGauge("secondchance.projections.held", () => Each(s => s.Held ? 1 : 0));
    }

    public IReadOnlyList<ProjectionStatus> Last => _last;

    public Meter Meter => _meter;

    internal void Applied(string projection, int events, TimeSpan elapsed)
    {
        var tag = new KeyValuePair<string, object?>("projection", projection);
        _applied.Add(events, tag);
        _batchMs.Record(elapsed.TotalMilliseconds, tag);
    }

    internal void Observe(IReadOnlyList<ProjectionStatus> statuses) => _last = statuses;

    private IEnumerable<Measurement<T>> Each<T>(Func<ProjectionStatus, T> value) where T : struct =>
        _last.Select(s => new Measurement<T>(value(s), new KeyValuePair<string, object?>("projection", s.Name)));

    public void Dispose() => _meter.Dispose();
}
