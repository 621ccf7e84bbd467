using System.Security.Claims;
using System.Text.Json;
using SecondChance.Domain.Access;
using SecondChance.Host.Http;

namespace SecondChance.Host.Security;

/// <summary>
/// Facility staff write only where they hold a facility grant; instructors only at programmes they hold.
/// The target's facility comes from the addressed inmate, programme or item, or else from the body's facilityId /
/// programmeId. Refused with 403 ProblemDetails before the handler runs, so nothing is written.
/// </summary>
public sealed class FacilityScopeFilter(string policy) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var user = http.User;
        if (user.Has(Role.Administrator)) return await next(context);
        // the oversight body takes complaints about any facility
        if (policy == Policies.HandleComplaints && user.Has(Role.Oversight)) return await next(context);

        var (facilities, programmes) = await TargetsAsync(http);
        if (facilities.Count == 0 && programmes.Count == 0) return await next(context);
        if (Allowed(user, facilities, programmes)) return await next(context);
        return Problems.Status(StatusCodes.Status403Forbidden, "Outside your grants",
            policy == Policies.TeachProgrammes
                ? "You may act only at facilities or programmes you have been granted."
                : "You may act only at facilities you have been granted.",
            new Dictionary<string, object?> { ["code"] = "outside_grants" });
    }

    private bool Allowed(ClaimsPrincipal user, List<Guid> facilities, List<Guid> programmes)
    {
        var staff = user.Has(Role.FacilityStaff) && facilities.Count > 0 && facilities.All(user.HoldsFacility);
        if (staff) return true;
        return policy == Policies.TeachProgrammes && user.Has(Role.Instructor) && programmes.Count > 0 && programmes.All(user.HoldsProgramme);
    }

    private static async Task<(List<Guid> Facilities, List<Guid> Programmes)> TargetsAsync(HttpContext http)
    {
        var lookup = http.RequestServices.GetRequiredService<ScopeLookup>();
        var ct = http.RequestAborted;
        List<Guid> facilities = [], programmes = [];
        void Add((Guid? F, Guid? P) t)
        {
            if (t.F is { } f) facilities.Add(f);
            if (t.P is { } p) programmes.Add(p);
        }
        var route = http.Request.RouteValues;
        foreach (var target in await lookup.RouteTargetsAsync(http)) Add(target);

        var body = await BodyIdsAsync(http);
        if (body.Facility is { } bf) facilities.Add(bf);
        if (body.Programme is { } bp) Add(await lookup.ProgrammeAsync(bp, ct) is { Programme: not null } found ? found : (null, bp));
        if (body.Inmate is { } bi && route.ContainsKey("programmeId")) Add(await lookup.InmateAsync(bi, ct));
        return (facilities.Distinct().ToList(), programmes.Distinct().ToList());
    }

    private static async Task<(Guid? Facility, Guid? Programme, Guid? Inmate)> BodyIdsAsync(HttpContext http)
    {
        if (!http.Request.HasJsonContentType() || http.Request.ContentLength is > JsonBody.MaxBytes) return default;
        http.Request.EnableBuffering(JsonBody.MaxBytes);
        try
        {
            using var doc = await JsonDocument.ParseAsync(http.Request.Body, default, http.RequestAborted);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return default;
            return (Id(doc.RootElement, "facilityId"), Id(doc.RootElement, "programmeId"), Id(doc.RootElement, "inmateId"));
        }
        catch (Exception e) when (e is JsonException or BadHttpRequestException or IOException) { return default; }
        finally { http.Request.Body.Position = 0; }
    }

    private static Guid? Id(JsonElement root, string name)
    {
        foreach (var p in root.EnumerateObject())
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.String
                && Guid.TryParse(p.Value.GetString(), out var g))
                return g;
        return null;
    }
}
