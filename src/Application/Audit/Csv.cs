using System.Globalization;
using System.Text;

namespace SecondChance.Application.Audit;

/// <summary>RFC 4180 CSV with stable column names, ISO 8601 instants (UTC) and dates, amounts in minor units and formatted.</summary>
public static class Csv
{
    public static string Write<T>(IReadOnlyList<string> columns, IEnumerable<T> rows, Func<T, IEnumerable<object?>> cells)
    {
        var sb = new StringBuilder();
        sb.AppendJoin(',', columns.Select(Quote)).Append("\r\n");
        foreach (var row in rows) sb.AppendJoin(',', cells(row).Select(c => Quote(Format(c)))).Append("\r\n");
        return sb.ToString();
    }

    /// <summary>"1,250.00 PKR" for 125000 paisa: two decimals, invariant grouping.</summary>
    public static string Amount(long minor, string currency) =>
        (minor / 100m).ToString("#,##0.00", CultureInfo.InvariantCulture) + " " + currency;

    public static string Format(object? value) => value switch
    {
        null => "",
        DateTimeOffset d => d.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        Guid g => g.ToString("D"),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Quote(string s) =>
        s.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
