namespace SecondChance.Domain.Facilities;

/// <param name="EffectiveFrom">When the certified capacity applies from; now when absent.</param>
public sealed record CertifyWardCapacity(Guid FacilityId, Guid WardId, int Capacity, string CertifiedBy, DateTimeOffset? EffectiveFrom);
