namespace SecondChance.Domain.Facilities;

public sealed record RegisterFacility(
    Guid FacilityId, string Name, string Code, string TimeZoneId, bool SeparatesUntriedFromConvicted, string Currency = Money.Pkr);
