namespace SecondChance.Domain;

public sealed record Refusal(string Code, string Message);
