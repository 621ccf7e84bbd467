namespace SecondChance.Domain.Inmates;

public enum ContactOutcome
{
    Reached,
    NotReached,
    Declined,
}
