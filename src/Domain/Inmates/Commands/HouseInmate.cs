namespace SecondChance.Domain.Inmates;

/// <summary>JuvenileOverrideReason is required to house a juvenile in an adult ward and is recorded; HousedAt defaults to now.</summary>
public sealed record HouseInmate(Guid InmateId, Guid WardId, string? JuvenileOverrideReason = null, DateTimeOffset? HousedAt = null);
