namespace SecondChance.Domain.Facilities;

public sealed record AddWard(Guid FacilityId, Guid WardId, string Name, WardCategory Category, WardDesignation Designation);
