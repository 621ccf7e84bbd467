using SecondChance.Domain.Programmes;

namespace SecondChance.Domain.Items;

public sealed record ItemProduced(
    Guid ItemId,
    Guid FacilityId,
    Guid ProgrammeId,
    string Description,
    Craft Craft,
    IReadOnlyList<MakerWork> Makers,
    long MaterialsCostMinor,
    string Currency,
    DateTimeOffset ProducedAt);

public sealed record ItemListed(Guid ItemId, long PriceMinor, string Currency, DateTimeOffset ListedAt);

public sealed record ItemShown(Guid ItemId, SaleChannel Channel, string Venue, DateTimeOffset ShownAt);

/// <param name="PartnerId">The partner organisation the item was sold through or to, if any.</param>
/// <param name="OrderId">The partner's order the item was made for and paid through, if any.</param>
public sealed record ItemSold(
    Guid ItemId, Guid SaleId, long PriceMinor, string Currency, SaleChannel Channel, string BuyerReference, DateTimeOffset SoldAt,
    Guid? PartnerId = null, Guid? OrderId = null);

/// <summary>Every part of the sale price, under the policy in force on the sale date; parts add up to the price.</summary>
public sealed record SaleProceedsDistributed(
    Guid ItemId,
    Guid SaleId,
    long PriceMinor,
    string Currency,
    DateOnly PolicyEffectiveFrom,
    long InmateShareMinor,
    long WelfareFundMinor,
    long MaterialsRecoveryMinor,
    IReadOnlyList<MakerProceeds> Makers);

public sealed record ItemWithdrawn(Guid ItemId, string Reason, DateTimeOffset WithdrawnAt);

public sealed record ItemReturned(Guid ItemId, Guid SaleId, string Reason, DateTimeOffset ReturnedAt);
