namespace SecondChance.Domain.Inmates;

public sealed record EndSegregation(Guid InmateId, string Reason, string AuthorisedBy, DateTimeOffset? EndedAt);
