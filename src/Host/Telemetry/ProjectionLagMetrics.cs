using System.Diagnostics.Metrics;
using SecondChance.Projections.OnMarten;

namespace SecondChance.Host.Telemetry;

/// <summary>
/// The gauge <c>secondchance.projection.lag</c>: per read model, Marten's high-water mark less its position, read
/// from Marten's progression when a metrics reader collects (never without an exporter).
/// </summary>
public sealed class ProjectionLagMetrics
{
    public ProjectionLagMetrics(IMeterFactory meters, MartenReadModels models, ILogger<ProjectionLagMetrics> logger) =>
        meters.Create(TelemetryHosting.MeterName).CreateObservableGauge("secondchance.projection.lag", () => Observe(models, logger),
            "{event}", "Events below Marten's high-water mark that the read model has not applied yet.");

    private static IEnumerable<Measurement<long>> Observe(MartenReadModels models, ILogger logger)
    {
        try
        {
            // the collecting thread is the metrics reader's own, not a request's
            return models.Status.LagsAsync().GetAwaiter().GetResult()
                .Select(l => new Measurement<long>(l.BehindHighWaterMark, new KeyValuePair<string, object?>("projection", l.Name)))
                .ToList();
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Projection lag could not be read for the metrics");
            return [];
        }
    }
}
