namespace SecondChance.Domain.Inmates;

public sealed record WithdrawAttributionConsent(Guid InmateId, DateTimeOffset? WithdrawnAt);
