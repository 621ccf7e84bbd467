namespace SecondChance.Domain.Items;

public sealed record MakerProceeds(
    Guid InmateId, int MinutesWorked, long ShareMinor, long SpendableMinor, long SavingsMinor, long FamilyMinor, Guid PostingId);
