namespace SecondChance.Domain.Items;

public sealed record ShowItem(Guid ItemId, SaleChannel Channel, string Venue, DateTimeOffset? ShownAt);
