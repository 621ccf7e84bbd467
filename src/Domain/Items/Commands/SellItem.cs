namespace SecondChance.Domain.Items;

public sealed record SellItem(
    Guid ItemId, Guid SaleId, long PriceMinor, string? Currency, SaleChannel Channel, string BuyerReference, DateTimeOffset? SoldAt,
    Guid? PartnerId = null);
