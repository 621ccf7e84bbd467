namespace SecondChance.EventStore.Audit;

/// <summary>A stream's newest event as of a checkpoint: its version and its hash, which covers the whole chain before it.</summary>
public sealed record StreamHead(string StreamId, long Version, byte[] Hash);
