namespace SecondChance.Domain.Inmates;

/// <summary>Remand means untried (under trial); Convicted means sentenced.</summary>
public enum LegalStatus
{
    Remand,
    Convicted,
}
