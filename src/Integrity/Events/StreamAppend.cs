namespace SecondChance.Integrity.Events;

public sealed record StreamAppend(
    string StreamId,
    string AggregateType,
    ExpectedVersion Expected,
    IReadOnlyList<NewEvent> Events,
    EventMetadata? Metadata = null);

/// <summary>
/// The outcome of appending to one stream: its new version, the events' global positions and the events as stored.
/// A retry of an append stored before (same event ids) is a duplicate: positions are the original ones, events empty.
/// </summary>
public sealed record AppendResult(string StreamId, long NextVersion, IReadOnlyList<long> Positions, bool WasDuplicate,
    IReadOnlyList<StoredEvent> Events);
