using SecondChance.Domain.Programmes;

namespace SecondChance.Domain.Orders;

/// <summary>A partner's order for prison products, allocated to one programme's workshop.</summary>
public sealed record OrderPlaced(
    Guid OrderId,
    Guid PartnerId,
    Guid FacilityId,
    Guid ProgrammeId,
    string Description,
    Craft Craft,
    int Quantity,
    long PricePerItemMinor,
    string Currency,
    DateOnly DeliverBy,
    string Reference,
    DateTimeOffset PlacedAt);

/// <summary>An item made in the workshop is set aside for the order (the item's stream records the same).</summary>
public sealed record OrderItemAllocated(Guid OrderId, Guid ItemId, DateTimeOffset AllocatedAt);

public sealed record ItemAllocatedToOrder(Guid ItemId, Guid OrderId, Guid PartnerId, DateTimeOffset AllocatedAt);

public sealed record OrderDelivered(Guid OrderId, Guid DeliveryId, IReadOnlyList<Guid> ItemIds, DateTimeOffset DeliveredAt);

/// <summary>
/// The partner paid for these delivered items; each item is sold to the partner in the same append, at the order's price,
/// through the same proceeds split and wage crediting as any sale.
/// </summary>
public sealed record OrderPaymentReceived(
    Guid OrderId, Guid PaymentId, long AmountMinor, string Currency, IReadOnlyList<Guid> ItemIds, DateTimeOffset PaidAt);

public sealed record OrderCancelled(Guid OrderId, string Reason, DateTimeOffset CancelledAt);

public sealed record ItemReleasedFromOrder(Guid ItemId, Guid OrderId, DateTimeOffset ReleasedAt);
