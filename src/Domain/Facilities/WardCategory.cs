namespace SecondChance.Domain.Facilities;

public enum WardCategory
{
    AdultMale,
    AdultFemale,
    JuvenileMale,
    JuvenileFemale,
}
