namespace SecondChance.Domain.Facilities;

public sealed record Ward(Guid WardId, string Name, WardCategory Category, WardDesignation Designation)
{
    public bool IsJuvenile => Category is WardCategory.JuvenileMale or WardCategory.JuvenileFemale;

    public bool IsFemale => Category is WardCategory.AdultFemale or WardCategory.JuvenileFemale;
}
