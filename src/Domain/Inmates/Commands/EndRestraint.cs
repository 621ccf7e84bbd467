namespace SecondChance.Domain.Inmates;

public sealed record EndRestraint(Guid InmateId, Guid RestraintId, string AuthorisedBy, DateTimeOffset? EndedAt);
