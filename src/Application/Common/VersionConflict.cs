namespace SecondChance.Application;

/// <summary>
/// The caller expected a stream at one version; it is at another. Nothing was written. FromIfMatch: the version was
/// the one the caller gave in If-Match for the addressed stream (a failed precondition), not one read while deciding.
/// </summary>
public sealed record VersionConflict(string StreamId, long ExpectedVersion, long ActualVersion, bool FromIfMatch);
