namespace SecondChance.Projections.ReadModels.Timeline;

/// <summary>One thing recorded about an inmate: what, when it happened, when and by whom it was recorded.</summary>
public sealed record TimelineEntry(
    long Position, string StreamId, long StreamVersion, string EventType, string Summary,
    DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, string? Actor);
