namespace SecondChance.Domain.Compliance;

/// <summary>
/// One event that proves part of a finding: where it sits, when it was recorded and when the thing it records happened
/// (the recording instant for an event without a time of its own; null only in facts folded before it was kept).
/// </summary>
public sealed record Evidence(string StreamId, long Version, DateTimeOffset RecordedAt, string What, DateTimeOffset? OccurredAt = null);
