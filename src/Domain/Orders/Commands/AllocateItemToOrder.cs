namespace SecondChance.Domain.Orders;

public sealed record AllocateItemToOrder(Guid OrderId, Guid ItemId, DateTimeOffset? AllocatedAt);
