using Marten.Events;
using SecondChance.Domain.Facilities;
using Marten;
using Npgsql;
using SecondChance.Application;
using SecondChance.Application.Facilities;
using SecondChance.Integrity.Events;
using SecondChance.Host.Http;
using SecondChance.Host.Security;

namespace SecondChance.Host.Endpoints;

public static class FacilityEndpoints
{
    public static IEndpointRouteBuilder MapFacilityEndpoints(this IEndpointRouteBuilder routes)
    {
        var g = routes.MapGroup("/facilities").WithTags("Facilities");
        g.MapPost("/", Task<IResult> (HttpContext http) => CommandEndpoint.RunAsync<RegisterFacilityRequest>(http,
                r => r.ToCommand(), "/facilities/{id}"))
            .AsCreate<RegisterFacilityRequest>("RegisterFacility").Requires(Policies.Administer);
        g.MapGet("/", ListAsync).WithName("ListFacilities").Requires(Policies.ReadRecords);
        g.MapGet("/{facilityId:guid}", async (Guid facilityId, HttpContext http, Streams streams) =>
                StateEndpoint.Respond(http, facilityId, await streams.FacilityAsync(facilityId, http.RequestAborted)))
            .AsState<FacilityState>("GetFacility").Requires(Policies.ReadRecords);
        g.MapPost("/{facilityId:guid}/wards", (Guid facilityId, HttpContext http) =>
                CommandEndpoint.RunAsync<AddWardRequest>(http, r => r.ToCommand(facilityId)))
            .AsCommand<AddWardRequest>("AddWard").Requires(Policies.Administer);
        g.MapPut("/{facilityId:guid}/wards/{wardId:guid}/capacity", (Guid facilityId, Guid wardId, HttpContext http) =>
                CommandEndpoint.RunAsync<CertifyWardCapacityRequest>(http, r => r.ToCommand(facilityId, wardId)))
            .AsCommand<CertifyWardCapacityRequest>("CertifyWardCapacity").Requires(Policies.Administer);
        g.MapPost("/{facilityId:guid}/proceeds-policies", (Guid facilityId, HttpContext http) =>
                CommandEndpoint.RunAsync<AdoptProceedsPolicyRequest>(http, r => r.ToCommand(facilityId)))
            .AsCommand<AdoptProceedsPolicyRequest>("AdoptProceedsPolicy").Requires(Policies.Administer);
        g.MapPut("/{facilityId:guid}/compliance-thresholds", (Guid facilityId, HttpContext http) =>
                CommandEndpoint.RunAsync<SetComplianceThresholdsRequest>(http, r => r.ToCommand(facilityId)))
            .AsCommand<SetComplianceThresholdsRequest>("SetComplianceThresholds").Requires(Policies.Administer);
        return routes;
    }

    public sealed record FacilityListItem(Guid FacilityId, string Name, string Code);

    /// <summary>Every registered facility the user may read, in the order they were registered.</summary>
    internal static async Task<List<FacilityListItem>> ListAsync(HttpContext http, IDocumentStore store, Streams streams,
        ReadScope scope, CancellationToken ct)
    {
        var readable = await scope.FacilitiesAsync(http.User, ct);
        await using var session = store.QuerySession(SecondChance.Integrity.Tenancy.TenantScope.Current);
        var registered = await session.Events.QueryAllRawEvents()
            .Where(e => e.EventTypesAre(typeof(FacilityRegistered))).OrderBy(e => e.Sequence).ToListAsync(ct);
        var list = new List<FacilityListItem>();
        foreach (var facilityId in registered.Select(e => ((FacilityRegistered)e.Data).FacilityId).Distinct())
        {
            if (readable?.Contains(facilityId) == false) continue;
            var f = await streams.FacilityAsync(facilityId, ct);
            if (f.Exists) list.Add(new FacilityListItem(facilityId, f.State.Name, f.State.Code));
        }
        return list;
    }
}
