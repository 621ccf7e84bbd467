namespace SecondChance.Domain.Items;

/// <summary>One co-maker of an item and the minutes of work they put into it.</summary>
public sealed record MakerWork(Guid InmateId, int MinutesWorked);
