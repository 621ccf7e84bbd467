using SecondChance.Application;
using SecondChance.Application.Facilities;
using SecondChance.Host.Http;
using SecondChance.Host.Security;

namespace SecondChance.Host.Endpoints;

public static class FacilityEndpoints
{
    public static IEndpointRouteBuilder MapFacilityEndpoints(this IEndpointRouteBuilder routes)
    {
        var g = routes.MapGroup("/facilities").WithTags("Facilities");
        g.MapPost("/", (HttpContext http, RegisterFacilityHandler h) => CommandEndpoint.RunAsync<RegisterFacilityRequest>(http,
                (r, c, ct) => h.HandleAsync(r.ToCommand(), c, ct), id => $"/facilities/{id}"))
            .AsCreate<RegisterFacilityRequest>("RegisterFacility").Requires(Policies.Administer);
        g.MapGet("/{facilityId:guid}", async (Guid facilityId, HttpContext http, Streams streams) =>
                StateEndpoint.Respond(http, facilityId, await streams.FacilityAsync(facilityId, http.RequestAborted)))
            .AsState("GetFacility").Requires(Policies.ReadRecords);
        g.MapPost("/{facilityId:guid}/wards", (Guid facilityId, HttpContext http, AddWardHandler h) =>
                CommandEndpoint.RunAsync<AddWardRequest>(http, (r, c, ct) => h.HandleAsync(r.ToCommand(facilityId), c, ct)))
            .AsCommand<AddWardRequest>("AddWard").Requires(Policies.Administer);
        g.MapPost("/{facilityId:guid}/proceeds-policies", (Guid facilityId, HttpContext http, AdoptProceedsPolicyHandler h) =>
                CommandEndpoint.RunAsync<AdoptProceedsPolicyRequest>(http, (r, c, ct) => h.HandleAsync(r.ToCommand(facilityId), c, ct)))
            .AsCommand<AdoptProceedsPolicyRequest>("AdoptProceedsPolicy").Requires(Policies.Administer);
        g.MapPut("/{facilityId:guid}/compliance-thresholds", (Guid facilityId, HttpContext http, SetComplianceThresholdsHandler h) =>
                CommandEndpoint.RunAsync<SetComplianceThresholdsRequest>(http, (r, c, ct) => h.HandleAsync(r.ToCommand(facilityId), c, ct)))
            .AsCommand<SetComplianceThresholdsRequest>("SetComplianceThresholds").Requires(Policies.Administer);
        return routes;
    }
}
