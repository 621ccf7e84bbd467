namespace SecondChance.Domain.Inmates;

public enum HousingStatus
{
    Unknown,
    WithFamily,
    Independent,
    Temporary,
    Homeless,
}
