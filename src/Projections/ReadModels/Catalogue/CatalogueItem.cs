namespace SecondChance.Projections.ReadModels.Catalogue;

/// <summary>An item for sale. MakerNames holds only makers who consent to attribution; nothing else personal is kept here.</summary>
public sealed record CatalogueItem(
    Guid ItemId, string Description, string Craft, Guid ProgrammeId, string Programme, Guid FacilityId, string Facility,
    long PriceMinor, string Currency, DateTimeOffset ListedAt, IReadOnlyList<string> MakerNames);
