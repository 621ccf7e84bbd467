namespace SecondChance.Domain;

public static class PrisonerNumbers
{
    public const int MaxLength = 32;

    public static string Normalize(string number) => number.Trim().ToUpperInvariant();

    public static bool IsValid(string? number)
    {
        if (string.IsNullOrWhiteSpace(number)) return false;
        var n = Normalize(number);
        return n.Length <= MaxLength && n.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '/');
    }
}
