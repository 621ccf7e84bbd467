using SecondChance.Domain.Inmates;

namespace SecondChance.Integrity.Tests;

/// <summary>A stand-in aggregate for fetching a stream to write to; the real ones come with the use-case slices.</summary>
public sealed partial class InmateStream
{
    public string Id { get; set; } = "";
    public int Segregations { get; set; }

    public void Apply(SegregationStarted _) => Segregations++;
}
