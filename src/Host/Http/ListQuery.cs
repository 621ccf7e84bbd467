using System.Globalization;
using SecondChance.Application.ReadModels;

namespace SecondChance.Host.Http;

/// <summary>
/// The paging and filters of the list endpoints: page and pageSize (at most 200) on every list, and of facilityId,
/// programmeId, status and search those the endpoint declares (<see cref="AsList{T}"/>); field errors otherwise.
/// The response's paging fields are named as the parameters: page, pageSize, and totalCount.
/// </summary>
public static class ListQuery
{
    public const int DefaultPageSize = 50;

    public static readonly QueryParameter Page = new("page", typeof(int), "The page to return, from 1 (default 1).");

    public static readonly QueryParameter PageSize = new("pageSize", typeof(int),
        $"Rows per page, 1 to {DirectoryFilter.MaxPageSize} (default {DefaultPageSize}).");

    public static readonly QueryParameter Facility = new("facilityId", typeof(Guid), "Only rows at this facility.");

    public static readonly QueryParameter Programme = new("programmeId", typeof(Guid), "Only rows of this programme.");

    public static QueryParameter Status(IEnumerable<string> statuses) =>
        new("status", typeof(string), $"Only rows in this status: {string.Join(", ", statuses)}.");

    public static QueryParameter Search(string what) =>
        new("search", typeof(string), $"Only rows whose {what} contains this text (case-insensitive, at most {DirectoryFilter.MaxSearchLength} characters).");

    public static RouteHandlerBuilder AsList<T>(this RouteHandlerBuilder b, string name, params QueryParameter[] filters) => b
        .WithName(name).Produces<Page<T>>().ProducesValidationProblem().WithQuery([Page, PageSize, .. filters]);

    public static bool TryParse(HttpContext http, IReadOnlyCollection<string> statuses, out DirectoryFilter filter, out IResult? error)
    {
        var declared = http.GetEndpoint()?.Metadata.OfType<QueryParameter>().Select(p => p.Name).ToHashSet() ?? [];
        string? Raw(string name) => declared.Contains(name) && http.Request.Query[name].ToString() is { Length: > 0 } v ? v : null;
        var errors = new FieldErrors();
        var page = Int(Raw(Page.Name), Page.Name, 1, 1, int.MaxValue / DirectoryFilter.MaxPageSize, errors);
        var size = Int(Raw(PageSize.Name), PageSize.Name, DefaultPageSize, 1, DirectoryFilter.MaxPageSize, errors);
        var facility = Id(Raw(Facility.Name), Facility.Name, errors);
        var programme = Id(Raw(Programme.Name), Programme.Name, errors);
        var status = Raw("status");
        if (status is not null)
        {
            status = statuses.FirstOrDefault(x => string.Equals(x, status, StringComparison.OrdinalIgnoreCase));
            if (status is null) errors.Add("status", $"The status is one of: {string.Join(", ", statuses)}.");
        }
        var search = Raw("search")?.Trim() is { Length: > 0 } s ? s : null;
        if (search is { Length: > DirectoryFilter.MaxSearchLength })
            errors.Add("search", $"The search is at most {DirectoryFilter.MaxSearchLength} characters.");
        filter = new DirectoryFilter(facility, status, programme, page, size) { Search = search };
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
