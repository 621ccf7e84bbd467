namespace SecondChance.Domain.Orders;

public sealed record CancelOrder(Guid OrderId, string Reason, DateTimeOffset? CancelledAt);
