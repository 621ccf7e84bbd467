namespace SecondChance.Domain.Facilities;

/// <summary>Untried or convicted, where the facility keeps them apart; Mixed otherwise.</summary>
public enum WardDesignation
{
    Mixed,
    Untried,
    Convicted,
}
