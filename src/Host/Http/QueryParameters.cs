using System.Collections.Concurrent;
using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing.Patterns;

namespace SecondChance.Host.Http;

/// <summary>
/// The query parameters each endpoint takes: its handler's parameters that minimal APIs bind from the query string, and
/// those it declares as <see cref="QueryParameter"/> metadata. Any other parameter is refused with 400 naming it, so a
/// misspelt filter (pageNumber for page) never silently returns the unfiltered list. The HTML pages read their query in
/// the browser and are left alone.
/// </summary>
public static class QueryParameters
{
    private static readonly ConcurrentDictionary<Endpoint, IReadOnlySet<string>> Taken = new();

    public static RouteHandlerBuilder WithQuery(this RouteHandlerBuilder b, params QueryParameter[] parameters) =>
        b.WithMetadata([.. parameters]);

    /// <summary>The names <paramref name="endpoint"/> takes from the query string (case-insensitive, as binding is).</summary>
    public static IReadOnlySet<string> Of(Endpoint endpoint) => Taken.GetOrAdd(endpoint, e =>
    {
        var names = new HashSet<string>(e.Metadata.OfType<QueryParameter>().Select(p => p.Name), StringComparer.OrdinalIgnoreCase);
        if (e is RouteEndpoint route && e.Metadata.GetMetadata<MethodInfo>() is { } handler)
            foreach (var p in handler.GetParameters())
                if (BoundFromQuery(p, route.RoutePattern) is { } name) names.Add(name);
        return names;
    });

    public static bool Checked(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<MethodInfo>() is not null
        && endpoint.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true };

    public static async Task Middleware(HttpContext http, RequestDelegate next)
    {
        if (http.GetEndpoint() is { } endpoint && Checked(endpoint))
        {
            var taken = Of(endpoint);
            var unknown = http.Request.Query.Keys.FirstOrDefault(k => !taken.Contains(k));
            if (unknown is not null)
            {
                var known = taken.Count == 0 ? "none" : string.Join(", ", taken.Order(StringComparer.Ordinal));
                await Problems.BadRequest(unknown, $"This endpoint does not take the query parameter '{unknown}'; it takes: {known}.")
                    .ExecuteAsync(http);
                return;
            }
        }
        await next(http);
    }

    /// <summary>The query name of a handler parameter, as minimal APIs bind it: [FromQuery], or else a parseable type not in the route.</summary>
    private static string? BoundFromQuery(ParameterInfo p, RoutePattern route)
    {
        var attributes = p.GetCustomAttributes().ToList();
        if (attributes.OfType<IFromQueryMetadata>().FirstOrDefault() is { } fromQuery) return fromQuery.Name ?? p.Name;
        if (attributes.Any(a => a is IFromRouteMetadata or IFromBodyMetadata or IFromHeaderMetadata or IFromServiceMetadata or IFromFormMetadata
                or AsParametersAttribute)
            || p.Name is null || route.GetParameter(p.Name) is not null) return null;
        var type = Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType;
        if (type.IsArray) type = type.GetElementType()!;
        if (type == typeof(CancellationToken) || type == typeof(ClaimsPrincipal)) return null;
        return type == typeof(string) || type.IsPrimitive || type.IsEnum || type == typeof(decimal) || Parseable(type) ? p.Name : null;
    }

    private static bool Parseable(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Static).Any(m => m.Name == "TryParse" && m.ReturnType == typeof(bool)
            && m.GetParameters() is [{ ParameterType: var s }, .., { IsOut: true }] && s == typeof(string));
}
