namespace SecondChance.Domain.Proceeds;

public sealed record MakerSplit(Guid InmateId, int MinutesWorked, long Share, CreditSplit Credit);
