namespace SecondChance.Domain.Orders;

public sealed record DeliverOrder(Guid OrderId, Guid DeliveryId, IReadOnlyList<Guid> ItemIds, DateTimeOffset? DeliveredAt);
