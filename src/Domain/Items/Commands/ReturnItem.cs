namespace SecondChance.Domain.Items;

public sealed record ReturnItem(Guid ItemId, Guid SaleId, string Reason, DateTimeOffset? ReturnedAt);
