namespace SecondChance.Application;

/// <summary>A stream's state as folded from its events, and the version it reflects (0: the stream does not exist).</summary>
public sealed record Loaded<TState>(string StreamId, string AggregateType, TState State, long Version) : ILoadedStream
{
    public bool Exists => Version > 0;
}
