namespace SecondChance.Domain.Items;

public sealed record ListItem(Guid ItemId, long PriceMinor, string Currency, DateTimeOffset? ListedAt);
