namespace SecondChance.Domain.Inmates;

/// <summary>Chains, leg irons and fetters are prohibited by Mandela Rule 47(1); recording their use is what lets oversight see it.</summary>
public enum RestraintInstrument
{
    Handcuffs,
    LegIrons,
    Chains,
    Fetters,
    BodyBelt,
    Other,
}
