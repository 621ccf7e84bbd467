namespace SecondChance.Domain.Items;

public sealed record ItemState(
    ItemStatus Status,
    Guid ItemId,
    Guid FacilityId,
    Guid ProgrammeId,
    IReadOnlyList<MakerWork> Makers,
    long PriceMinor,
    string Currency,
    Guid? SaleId,
    DateTimeOffset ProducedAt)
{
    public static ItemState Initial { get; } = new(ItemStatus.NotProduced, Guid.Empty, Guid.Empty, Guid.Empty, [], 0, "", null, default);

    /// <summary>The partner's order the item is set aside for, from allocation until the order is cancelled.</summary>
    public Guid? OrderId { get; init; }

    public bool Exists => Status != ItemStatus.NotProduced;

    public bool WasSold => Status is ItemStatus.Sold or ItemStatus.Returned;

    public static ItemState Evolve(ItemState state, object @event) => @event switch
    {
        ItemProduced e => state with
        {
            Status = ItemStatus.Produced,
            ItemId = e.ItemId,
            FacilityId = e.FacilityId,
            ProgrammeId = e.ProgrammeId,
            Makers = e.Makers,
            Currency = e.Currency,
            ProducedAt = e.ProducedAt,
        },
        ItemListed e => state with { Status = ItemStatus.Listed, PriceMinor = e.PriceMinor, Currency = e.Currency },
        ItemSold e => state with { Status = ItemStatus.Sold, SaleId = e.SaleId, PriceMinor = e.PriceMinor },
        ItemWithdrawn => state with { Status = ItemStatus.Withdrawn },
        Orders.ItemAllocatedToOrder e => state with { Status = ItemStatus.OnOrder, OrderId = e.OrderId },
        Orders.ItemReleasedFromOrder => state with { Status = ItemStatus.Produced, OrderId = null },
        ItemReturned => state with { Status = ItemStatus.Returned },
        _ => state,
    };
}
