namespace SecondChance.Domain.Inmates;

/// <summary>One use of a restraint as the inmate's decisions need it: open until EndedAt.</summary>
public sealed record RestraintUse(Guid RestraintId, DateTimeOffset StartedAt, DateTimeOffset? EndedAt);
