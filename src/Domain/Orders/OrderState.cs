using System.Collections.Immutable;

namespace SecondChance.Domain.Orders;

public enum OrderStatus
{
    NotPlaced,
    Open,
    Cancelled,
}

public sealed record OrderState(
    OrderStatus Status,
    Guid OrderId,
    Guid PartnerId,
    Guid FacilityId,
    Guid ProgrammeId,
    int Quantity,
    long PricePerItemMinor,
    string Currency,
    DateOnly DeliverBy,
    DateTimeOffset PlacedAt)
{
    public static OrderState Initial { get; } = new(OrderStatus.NotPlaced, Guid.Empty, Guid.Empty, Guid.Empty, Guid.Empty, 0, 0, "", default, default);

    public ImmutableList<Guid> Allocated { get; init; } = [];

    /// <summary>Delivered items in the order they were delivered, with when; payments settle them in this order.</summary>
    public ImmutableList<(Guid ItemId, DateTimeOffset At)> Delivered { get; init; } = [];

    public ImmutableHashSet<Guid> Paid { get; init; } = [];

    public ImmutableHashSet<Guid> Deliveries { get; init; } = [];

    public ImmutableHashSet<Guid> Payments { get; init; } = [];

    public bool Exists => Status != OrderStatus.NotPlaced;

    public IEnumerable<(Guid ItemId, DateTimeOffset At)> Unpaid => Delivered.Where(d => !Paid.Contains(d.ItemId));

    public static OrderState Evolve(OrderState state, object @event) => @event switch
    {
        OrderPlaced e => state with
        {
            Status = OrderStatus.Open,
            OrderId = e.OrderId,
            PartnerId = e.PartnerId,
            FacilityId = e.FacilityId,
            ProgrammeId = e.ProgrammeId,
            Quantity = e.Quantity,
            PricePerItemMinor = e.PricePerItemMinor,
            Currency = e.Currency,
            DeliverBy = e.DeliverBy,
            PlacedAt = e.PlacedAt,
        },
        OrderItemAllocated e => state with { Allocated = state.Allocated.Add(e.ItemId) },
        OrderDelivered e => state with
        {
            Delivered = state.Delivered.AddRange(e.ItemIds.Select(i => (i, e.DeliveredAt))),
            Deliveries = state.Deliveries.Add(e.DeliveryId),
        },
        OrderPaymentReceived e => state with { Paid = state.Paid.Union(e.ItemIds), Payments = state.Payments.Add(e.PaymentId) },
        OrderCancelled => state with { Status = OrderStatus.Cancelled },
        _ => state,
    };
}
