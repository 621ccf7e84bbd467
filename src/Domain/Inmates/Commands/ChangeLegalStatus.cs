namespace SecondChance.Domain.Inmates;

public sealed record ChangeLegalStatus(Guid InmateId, LegalStatus To, DateTimeOffset? ChangedAt, string Reference);
