namespace SecondChance.Domain.Programmes;

public enum SeatFreedBecause
{
    Withdrew,
    Completed,
}
