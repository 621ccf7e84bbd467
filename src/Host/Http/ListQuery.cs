using System.Globalization;
using SecondChance.Application.ReadModels;

namespace SecondChance.Host.Http;

/// <summary>page, pageSize (at most 200), facilityId, status and programmeId from the query string, or field errors.</summary>
public static class ListQuery
{
    public const int DefaultPageSize = 50;

    public static bool TryParse(HttpContext http, IReadOnlyCollection<string> statuses, out DirectoryFilter filter, out IResult? error)
    {
        var q = http.Request.Query;
        var errors = new FieldErrors();
        var page = Int(q["page"], "page", 1, 1, int.MaxValue / DirectoryFilter.MaxPageSize, errors);
        var size = Int(q["pageSize"], "pageSize", DefaultPageSize, 1, DirectoryFilter.MaxPageSize, errors);
        var facility = Id(q["facilityId"], "facilityId", errors);
        var programme = Id(q["programmeId"], "programmeId", errors);
        string? status = q["status"].ToString() is { Length: > 0 } s ? s : null;
        if (status is not null)
        {
            status = statuses.FirstOrDefault(x => string.Equals(x, status, StringComparison.OrdinalIgnoreCase));
            if (status is null) errors.Add("status", $"The status is one of: {string.Join(", ", statuses)}.");
        }
        filter = new DirectoryFilter(facility, status, programme, page, size);
        error = errors.Any ? Results.ValidationProblem(errors.ToDictionary()) : null;
        return error is null;
    }

    private static int Int(string? raw, string field, int fallback, int min, int max, FieldErrors errors)
    {
        if (string.IsNullOrEmpty(raw)) return fallback;
        if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max) return v;
        errors.Add(field, $"The {field} is a whole number from {min} to {max}.");
        return fallback;
    }

    private static Guid? Id(string? raw, string field, FieldErrors errors)
    {
        if (string.IsNullOrEmpty(raw)) return null;
        if (Guid.TryParse(raw, out var id)) return id;
        errors.Add(field, $"The {field} is not a valid id.");
        return null;
    }
}
