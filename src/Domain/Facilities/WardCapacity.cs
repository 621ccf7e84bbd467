namespace SecondChance.Domain.Facilities;

public sealed record WardCapacity(Guid WardId, int Capacity, DateTimeOffset EffectiveFrom);
