namespace SecondChance.Domain.Compliance;

/// <summary>An event as the record holds it: where it sits (stream, version) and when it was recorded (UTC).</summary>
public sealed record RecordedEvent(string StreamId, long Version, DateTimeOffset RecordedAt, object Data);
