namespace SecondChance.Domain;

public sealed record StreamEvents(string StreamId, IReadOnlyList<object> Events);
