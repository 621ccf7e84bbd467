namespace SecondChance.Domain.Inmates;

public enum Sex
{
    Male,
    Female,
}
