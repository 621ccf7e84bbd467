namespace SecondChance.Domain.Inmates;

/// <summary>The incidents Mandela Rules 69–72 require to be notified, reported and investigated. A death ends custody.</summary>
public enum CustodyIncidentKind
{
    Death,
    SeriousInjury,
    Disappearance,
}
