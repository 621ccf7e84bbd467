using System.Globalization;

namespace SecondChance.Domain;

public static class Money
{
    public const string Pkr = "PKR";

    public static bool IsCurrencyCode(string? code) =>
        code is { Length: 3 } && code.All(c => c is >= 'A' and <= 'Z');

    /// <summary>Minor units (paisa) as a reader says the amount: <c>PKR 1,625.00</c>.</summary>
    public static string Format(long minor, string currency = Pkr) =>
        string.Create(CultureInfo.InvariantCulture, $"{currency} {minor / 100m:#,0.00}");
}
