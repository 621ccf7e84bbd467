namespace SecondChance.Domain.Partners;

public sealed record Memorandum(Guid MemorandumId, Guid FacilityId, string Scope, DateOnly StartsOn, DateOnly EndsOn)
{
    public bool InForce(Guid facilityId, DateOnly on) => FacilityId == facilityId && on >= StartsOn && on <= EndsOn;
}
