using SecondChance.Integrity.Events;

namespace SecondChance.Projections.OnMarten;

/// <summary>The event a paused projection could not apply.</summary>
public sealed record ProjectionFailure(long Position, string EventType, string StreamId, string Error, DateTimeOffset FailedAt);

/// <summary>
/// One projection as the status endpoint shows it. State is running or paused; Rebuilding says a shadow
/// copy is being built beside the live one. LagEvents counts committed events past the checkpoint:
/// exactly up to <see cref="MartenProjectionStatusReader.ExactLagLimit"/>, and beyond that from the positions (the newest
/// position less the checkpoint's), so the status stays cheap however far behind a projection is.
/// </summary>
public sealed record ProjectionStatus(
    string Name,
    int Version,
    int CodeVersion,
    string State,
    bool Rebuilding,
    long? RebuildPosition,
    GlobalCursor Checkpoint,
    long EventsApplied,
    long LagEvents,
    double LagSeconds,
    string? Owner,
    bool Held,
    DateTimeOffset? LastEventAt,
    DateTimeOffset UpdatedAt,
    ProjectionFailure? Failure);
