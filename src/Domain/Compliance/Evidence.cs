namespace SecondChance.Domain.Compliance;

/// <summary>One event that proves part of a finding: where it sits, when it was recorded and, if different, when it happened.</summary>
public sealed record Evidence(string StreamId, long Version, DateTimeOffset RecordedAt, string What, DateTimeOffset? OccurredAt = null);
