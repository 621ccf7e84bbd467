namespace SecondChance.Domain.Inmates;

/// <summary>Why a restraint was used. The first three are the uses Mandela Rule 47(2) allows; Discipline is recorded so it can be found.</summary>
public enum RestraintReason
{
    EscapeDuringTransfer,
    MedicalDirection,
    PreventHarm,
    Discipline,
    Other,
}
