namespace SecondChance.Domain.Inmates;

public enum InmateStatus
{
    NotAdmitted,
    Admitted,
    Released,
}
