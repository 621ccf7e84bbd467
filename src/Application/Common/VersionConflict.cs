namespace SecondChance.Application;

/// <summary>The caller expected a stream at one version; it is at another. Nothing was written.</summary>
public sealed record VersionConflict(string StreamId, long ExpectedVersion, long ActualVersion, bool FromIfMatch);
