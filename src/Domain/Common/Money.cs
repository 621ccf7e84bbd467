namespace SecondChance.Domain;

public static class Money
{
    public const string Pkr = "PKR";

    public static bool IsCurrencyCode(string? code) =>
        code is { Length: 3 } && code.All(c => c is >= 'A' and <= 'Z');
}
