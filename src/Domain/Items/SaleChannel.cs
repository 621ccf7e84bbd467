namespace SecondChance.Domain.Items;

public enum SaleChannel
{
    Exhibition,
    OnlineMarketplace,
    Shop,
    PartnerOrder,
    Other,
}
