using System.Text.Json;

namespace SecondChance.Projections.ReadModels.Timeline;

/// <summary>
/// One thing recorded about an inmate: what, when it happened, when and by whom it was recorded (Actor as in the event
/// metadata; RecordedBy the user's display name). SummaryParts holds the names, amounts and values the summary is made of.
/// </summary>
public sealed record TimelineEntry(
    long Position, string StreamId, long StreamVersion, string EventType, string Summary,
    DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, string? Actor, string? RecordedBy, JsonElement SummaryParts);
