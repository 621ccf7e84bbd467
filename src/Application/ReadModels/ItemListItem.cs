namespace SecondChance.Application.ReadModels;

public sealed record ItemListItem(
    Guid ItemId, Guid FacilityId, Guid ProgrammeId, string Description, string Craft, string Status, long? PriceMinor,
    string Currency, Guid? SaleId, DateTimeOffset ProducedAt, long Version);
