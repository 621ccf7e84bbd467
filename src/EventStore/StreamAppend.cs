namespace SecondChance.EventStore;

public sealed record StreamAppend(
    string StreamId,
    string AggregateType,
    ExpectedVersion Expected,
    IReadOnlyList<NewEvent> Events,
    EventMetadata? Metadata = null);

/// <summary>The outcome of appending to one stream: its new version and the events' global positions.</summary>
public sealed record AppendResult(string StreamId, long NextVersion, IReadOnlyList<long> Positions, bool WasDuplicate);
