using SecondChance.Integrity.Events;

namespace SecondChance.Projections.OnMarten;

public enum CatchUpFailure { Paused, Behind }

/// <summary>
/// Where a wait for read models ended: Position is where they are current up to (on failure, the lagging one's
/// checkpoint), Target the committed head they had to reach; Projection and Failure say which one could not.
/// </summary>
public sealed record CatchUp(GlobalCursor Position, GlobalCursor Target, string? Projection, CatchUpFailure? Failure)
{
    public bool Reached => Failure is null;
}
