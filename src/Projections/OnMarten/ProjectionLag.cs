namespace SecondChance.Projections.OnMarten;

/// <summary>
/// A read model's position against Marten's high-water mark (every event at or below it is committed or never will
/// be) and against the newest committed event, and whether a failure paused it: one cheap query, fit for a probe or a gauge.
/// </summary>
public sealed record ProjectionLag(string Name, long Position, long HighWaterMark, long Head, bool Paused)
{
    /// <summary>Events the daemon has seen settle that this read model has not applied yet.</summary>
    public long BehindHighWaterMark => Math.Max(0, HighWaterMark - Position);

    /// <summary>Committed events past this read model's position; grows even when no daemon runs anywhere.</summary>
    public long BehindHead => Math.Max(0, Head - Position);
}
