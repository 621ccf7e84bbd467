namespace SecondChance.Domain.Items;

public sealed record WithdrawItem(Guid ItemId, string Reason, DateTimeOffset? WithdrawnAt);
