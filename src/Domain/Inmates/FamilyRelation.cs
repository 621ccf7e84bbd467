namespace SecondChance.Domain.Inmates;

/// <summary>Who a family contact is to the inmate; Child is what the mother-and-child rule looks for.</summary>
public enum FamilyRelation
{
    Child,
    Spouse,
    Parent,
    Sibling,
    OtherRelative,
    Friend,
    Other,
}
