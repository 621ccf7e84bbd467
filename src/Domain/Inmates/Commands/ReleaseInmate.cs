namespace SecondChance.Domain.Inmates;

public sealed record ReleaseInmate(Guid InmateId, DateTimeOffset? ReleasedAt, string Reason);
