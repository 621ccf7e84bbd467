namespace SecondChance.Domain;

/// <summary>Pakistani computerised national identity card number, written 12345-1234567-1.</summary>
public static class Cnic
{
    public static bool TryParse(string? value, out string cnic)
    {
        cnic = string.Empty;
        if (value is null) return false;
        var v = value.Trim();
        if (v.Length != 15 || v[5] != '-' || v[13] != '-') return false;
        for (var i = 0; i < v.Length; i++)
        {
            if (i is 5 or 13) continue;
            if (v[i] is < '0' or > '9') return false;
        }
        cnic = v;
        return true;
    }

    public static bool IsValid(string? value) => TryParse(value, out _);
}
