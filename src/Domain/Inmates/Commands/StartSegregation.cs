namespace SecondChance.Domain.Inmates;

public sealed record StartSegregation(Guid InmateId, string Reason, string AuthorisedBy, DateTimeOffset? StartedAt);
