using SecondChance.Application;
using SecondChance.Application.Inmates;
using SecondChance.Application.ReadModels;
using SecondChance.Domain.Inmates;
using SecondChance.Host.Http;
using SecondChance.Host.Security;

namespace SecondChance.Host.Endpoints;

public static class InmateEndpoints
{
    private static readonly string[] Statuses = ["Admitted", "Released"];

    public static IEndpointRouteBuilder MapInmateEndpoints(this IEndpointRouteBuilder routes)
    {
        var g = routes.MapGroup("/inmates").WithTags("Inmates");
        g.MapPost("/", Task<IResult> (HttpContext http) => CommandEndpoint.RunAsync<AdmitInmateRequest>(http,
                r => r.ToCommand(), "/inmates/{id}"))
            .AsCreate<AdmitInmateRequest>("AdmitInmate").Requires(Policies.RecordJourneys);
        g.MapGet("/", async (HttpContext http, DirectoryQueries q, ReadScope scope) =>
                ListQuery.TryParse(http, Statuses, out var f, out var error)
                    ? Results.Ok(await q.InmatesAsync(f with
                    {
                        Facilities = await scope.FacilitiesAsync(http.User, http.RequestAborted), SearchNames = http.User.SeesPersonalData(),
                    }, http.RequestAborted))
                    : error!)
            .AsList<InmateListItem>("ListInmates", ListQuery.Facility, ListQuery.Status(Statuses), ListQuery.Programme,
                ListQuery.Search("prisoner number or name (the name only for readers who see names)"))
            .Requires(Policies.ReadRecords);
        g.MapGet("/{inmateId:guid}", async (Guid inmateId, HttpContext http, Streams streams, DirectoryQueries q) =>
                StateEndpoint.Respond(http, inmateId, await streams.InmateAsync(inmateId, http.RequestAborted),
                    await q.InmateAsync(inmateId, http.RequestAborted)))
            .AsState<InmateState>("GetInmate").RequiresLogged(Policies.ReadRecords);

        g.MapPost("/{inmateId:guid}/housing", (Guid inmateId, HttpContext http) =>
                CommandEndpoint.RunAsync<HouseInmateRequest>(http, r => r.ToCommand(inmateId)))
            .AsCommand<HouseInmateRequest>("HouseInmate").Requires(Policies.RecordJourneys);
        g.MapPost("/{inmateId:guid}/medical-screenings", (Guid inmateId, HttpContext http) =>
                CommandEndpoint.RunAsync<RecordMedicalScreeningRequest>(http, r => r.ToCommand(inmateId)))
            .AsCommand<RecordMedicalScreeningRequest>("RecordMedicalScreening").Requires(Policies.RecordJourneys);
        g.MapPost("/{inmateId:guid}/segregation", (Guid inmateId, HttpContext http) =>
                CommandEndpoint.RunAsync<SegregationRequest>(http,
                    r => new StartSegregation(inmateId, r.Reason!, r.AuthorisedBy!, r.At)))
            .AsCommand<SegregationRequest>("StartSegregation").Requires(Policies.RecordJourneys);
        g.MapPost("/{inmateId:guid}/segregation/end", (Guid inmateId, HttpContext http) =>
                CommandEndpoint.RunAsync<SegregationRequest>(http,
                    r => new EndSegregation(inmateId, r.Reason!, r.AuthorisedBy!, r.At)))
            .AsCommand<SegregationRequest>("EndSegregation").Requires(Policies.RecordJourneys);
        g.MapPost("/{inmateId:guid}/transfers", (Guid inmateId, HttpContext http) =>
                CommandEndpoint.RunAsync<TransferInmateRequest>(http, r => r.ToCommand(inmateId)))
            .AsCommand<TransferInmateRequest>("TransferInmate").Requires(Policies.RecordJourneys);
        g.MapPut("/{inmateId:guid}/legal-status", (Guid inmateId, HttpContext http) =>
                CommandEndpoint.RunAsync<ChangeLegalStatusRequest>(http, r => r.ToCommand(inmateId)))
            .AsCommand<ChangeLegalStatusRequest>("ChangeLegalStatus").Requires(Policies.RecordJourneys);
        g.MapPost("/{inmateId:guid}/attribution-consent", (Guid inmateId, HttpContext http) =>
                CommandEndpoint.RunAsync<AttributionConsentRequest>(http,
                    r => new GiveAttributionConsent(inmateId, r.At)))
            .AsCommand<AttributionConsentRequest>("GiveAttributionConsent").Requires(Policies.RecordJourneys);
        g.MapPost("/{inmateId:guid}/attribution-consent/withdrawal", (Guid inmateId, HttpContext http) =>
                CommandEndpoint.RunAsync<AttributionConsentRequest>(http,
                    r => new WithdrawAttributionConsent(inmateId, r.At)))
            .AsCommand<AttributionConsentRequest>("WithdrawAttributionConsent").Requires(Policies.RecordJourneys);
        return routes.MapInmateJourneyEndpoints(g).MapInmateRightsEndpoints(g).MapCertificateEndpoints(g);
    }
}
