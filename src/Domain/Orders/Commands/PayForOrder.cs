namespace SecondChance.Domain.Orders;

/// <summary>Pays for delivered items not yet paid for, oldest delivery first: the amount is a whole number of items at the order's price.</summary>
public sealed record PayForOrder(Guid OrderId, Guid PaymentId, long AmountMinor, string? Currency, DateTimeOffset? PaidAt);
