namespace SecondChance.Domain.Inmates;

public enum EnrolmentStatus
{
    Active,
    Withdrawn,
    Completed,
}
