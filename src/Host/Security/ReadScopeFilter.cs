using SecondChance.Host.Http;

namespace SecondChance.Host.Security;

/// <summary>
/// A read that addresses one inmate, programme, item or facility (in the route, or a facilityId in the query) is
/// refused with 403 ProblemDetails when that lies outside the facilities the user may read (<see cref="ReadScope"/>).
/// Lists are narrowed by their queries instead.
/// </summary>
public sealed class ReadScopeFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var ct = http.RequestAborted;
        var readable = await http.RequestServices.GetRequiredService<ReadScope>().FacilitiesAsync(http.User, ct);
        if (readable is null) return await next(context);

        var targets = (await http.RequestServices.GetRequiredService<ScopeLookup>().RouteTargetsAsync(http)).Select(t => t.Facility).ToList();
        if (Guid.TryParse(http.Request.Query["facilityId"].ToString(), out var queried)) targets.Add(queried);

        // an id nobody knows has no facility: the endpoint answers 404 as for anyone
        if (targets.All(t => t is not { } facility || readable.Contains(facility))) return await next(context);
        return Problems.Status(StatusCodes.Status403Forbidden, "Outside your grants",
            "You may read only records at facilities you have been granted, or where a programme you teach runs.",
            new Dictionary<string, object?> { ["code"] = "outside_grants" });
    }
}
