namespace SecondChance.Domain.Inmates;

/// <summary>Bangkok Rules entry health screening facts for a woman.</summary>
public sealed record FemaleEntryScreening(bool Pregnant, bool Breastfeeding, int ChildrenAccompanying);
