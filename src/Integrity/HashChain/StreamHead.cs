namespace SecondChance.Integrity.HashChain;

/// <summary>A stream's newest event as of a checkpoint: its version and its link, which covers the whole chain before it.</summary>
public sealed record StreamHead(string StreamId, long Version, byte[] Hash);
