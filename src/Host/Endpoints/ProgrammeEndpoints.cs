using SecondChance.Application;
using SecondChance.Application.Programmes;
using SecondChance.Application.ReadModels;
using SecondChance.Domain.Programmes;
using SecondChance.Host.Http;
using SecondChance.Host.Security;

namespace SecondChance.Host.Endpoints;

public static class ProgrammeEndpoints
{
    private static readonly string[] Statuses = ["Open", "Closed"];

    public static IEndpointRouteBuilder MapProgrammeEndpoints(this IEndpointRouteBuilder routes)
    {
        var g = routes.MapGroup("/programmes").WithTags("Programmes");
        g.MapPost("/", (HttpContext http, OpenProgrammeHandler h) => CommandEndpoint.RunAsync<OpenProgrammeRequest>(http,
                (r, c, ct) => h.HandleAsync(r.ToCommand(), c, ct), id => $"/programmes/{id}"))
            .AsCreate<OpenProgrammeRequest>("OpenProgramme").Requires(Policies.TeachProgrammes);
        g.MapGet("/", async (HttpContext http, DirectoryQueries q, ReadScope scope) =>
                ListQuery.TryParse(http, Statuses, out var f, out var error)
                    ? Results.Ok(await q.ProgrammesAsync(f with { Facilities = await scope.FacilitiesAsync(http.User, http.RequestAborted) }, http.RequestAborted))
                    : error!)
            .AsList<ProgrammeListItem>("ListProgrammes", ListQuery.Facility, ListQuery.Status(Statuses), ListQuery.Programme)
            .Requires(Policies.ReadRecords);
        g.MapGet("/{programmeId:guid}", async (Guid programmeId, HttpContext http, Streams streams, DirectoryQueries q) =>
                StateEndpoint.Respond(http, programmeId, await streams.ProgrammeAsync(programmeId, http.RequestAborted),
                    await q.ProgrammeAsync(programmeId, http.RequestAborted)))
            .AsState<ProgrammeState>("GetProgramme").Requires(Policies.ReadRecords);
        g.MapPost("/{programmeId:guid}/close", (Guid programmeId, HttpContext http, CloseProgrammeHandler h) =>
                CommandEndpoint.RunAsync<CloseProgrammeRequest>(http,
                    (r, c, ct) => h.HandleAsync(new CloseProgramme(programmeId, r.Reason!, r.ClosedAt), c, ct)))
            .AsCommand<CloseProgrammeRequest>("CloseProgramme").Requires(Policies.TeachProgrammes);
        g.MapPost("/{programmeId:guid}/enrolments", (Guid programmeId, HttpContext http, EnrolInmateHandler h) =>
                CommandEndpoint.RunAsync<EnrolInmateRequest>(http,
                    (r, c, ct) => h.HandleAsync(new EnrolInmate(r.InmateId!.Value, programmeId, r.EnrolledAt), c, ct)))
            .AsCommand<EnrolInmateRequest>("EnrolInmate").Requires(Policies.TeachProgrammes);
        g.MapPost("/{programmeId:guid}/enrolments/{inmateId:guid}/withdrawal",
                (Guid programmeId, Guid inmateId, HttpContext http, WithdrawFromProgrammeHandler h) =>
                CommandEndpoint.RunAsync<WithdrawFromProgrammeRequest>(http,
                    (r, c, ct) => h.HandleAsync(new WithdrawFromProgramme(inmateId, programmeId, r.Reason!, r.WithdrewAt), c, ct)))
            .AsCommand<WithdrawFromProgrammeRequest>("WithdrawFromProgramme").Requires(Policies.TeachProgrammes);
        g.MapPost("/{programmeId:guid}/enrolments/{inmateId:guid}/completion",
                (Guid programmeId, Guid inmateId, HttpContext http, CompleteProgrammeHandler h) =>
                CommandEndpoint.RunAsync<CompleteProgrammeRequest>(http,
                    (r, c, ct) => h.HandleAsync(new CompleteProgramme(inmateId, programmeId, r.CompletedAt), c, ct)))
            .AsCommand<CompleteProgrammeRequest>("CompleteProgramme").Requires(Policies.TeachProgrammes);
        return routes;
    }
}
