namespace SecondChance.Domain.Inmates;

/// <summary>
/// Bangkok Rules entry health screening facts for a woman. ChildrenOutside counts her children not with her in prison
/// (Bangkok Rules 26, 28: contact with them); screenings recorded before it existed have none.
/// </summary>
public sealed record FemaleEntryScreening(bool Pregnant, bool Breastfeeding, int ChildrenAccompanying, int ChildrenOutside = 0);
