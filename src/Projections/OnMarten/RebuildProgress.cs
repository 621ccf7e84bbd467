namespace SecondChance.Projections.OnMarten;

/// <summary>Phase is "building" while the shadow tables catch up and "swapped" once a projection went live.</summary>
public sealed record RebuildProgress(string Phase, IReadOnlyList<string> Projections, long EventsApplied, long EventsInLog, TimeSpan Elapsed)
{
    public double EventsPerSecond => Elapsed.TotalSeconds > 0 ? EventsApplied / Elapsed.TotalSeconds : 0;
}
