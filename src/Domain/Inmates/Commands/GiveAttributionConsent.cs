namespace SecondChance.Domain.Inmates;

public sealed record GiveAttributionConsent(Guid InmateId, DateTimeOffset? GivenAt);
