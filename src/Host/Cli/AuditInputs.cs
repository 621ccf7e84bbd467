using System.Globalization;
using SecondChance.Application.Audit;
using SecondChance.Host.Http;

namespace SecondChance.Host.Cli;

/// <summary>Parses the instants, dates and formats that audit endpoints and verbs take, collecting field errors.</summary>
public static class AuditInputs
{
    public static DateTimeOffset? Instant(string? value, string field, FieldErrors errors)
    {
        if (value is null) return null;
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)) return at.ToUniversalTime();
        errors.Add(field, $"The {field} field is an ISO 8601 instant such as 2025-03-01T09:00:00+05:00.");
        return null;
    }

    /// <summary>The effective axis: a date (through the end of that day at the facility) or an instant.</summary>
    public static AsOf? Effective(string? value, string field, FieldErrors errors)
    {
        if (value is null) return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return Application.Audit.AsOf.OnDate(d);
        if (value.Length > 10 && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            return Application.Audit.AsOf.AtInstant(at);
        errors.Add(field, $"The {field} field is the effective date such as 2025-03-01 (everything in effect by the end of that day at the "
                          + "facility) or an ISO 8601 instant such as 2025-03-01T09:00:00+05:00.");
        return null;
    }

    public static DateOnly? Date(string? value, string field, FieldErrors errors)
    {
        if (value is null) return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        errors.Add(field, $"The {field} field is a date such as 2025-03-01.");
        return null;
    }

    public static string? Format(string? value, string field, FieldErrors errors)
    {
        if (value is null) return null;
        var f = value.ToLowerInvariant();
        if (f is "csv" or "json") return f;
        errors.Add(field, $"The {field} field is csv or json.");
        return null;
    }
}
