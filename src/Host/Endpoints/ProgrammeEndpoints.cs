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
        g.MapPost("/", Task<IResult> (HttpContext http) => CommandEndpoint.RunAsync<OpenProgrammeRequest>(http,
                r => r.ToCommand(), "/programmes/{id}"))
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
        g.MapPost("/{programmeId:guid}/close", (Guid programmeId, HttpContext http) =>
                CommandEndpoint.RunAsync<CloseProgrammeRequest>(http,
                    r => new CloseProgramme(programmeId, r.Reason!, r.ClosedAt)))
            .AsCommand<CloseProgrammeRequest>("CloseProgramme").Requires(Policies.TeachProgrammes);
        g.MapPost("/{programmeId:guid}/enrolments", (Guid programmeId, HttpContext http) =>
                CommandEndpoint.RunAsync<EnrolInmateRequest>(http,
                    r => new EnrolInmate(r.InmateId!.Value, programmeId, r.EnrolledAt)))
            .AsCommand<EnrolInmateRequest>("EnrolInmate").Requires(Policies.TeachProgrammes);
        g.MapPost("/{programmeId:guid}/enrolments/{inmateId:guid}/withdrawal",
                (Guid programmeId, Guid inmateId, HttpContext http) =>
                CommandEndpoint.RunAsync<WithdrawFromProgrammeRequest>(http,
                    r => new WithdrawFromProgramme(inmateId, programmeId, r.Reason!, r.WithdrewAt)))
            .AsCommand<WithdrawFromProgrammeRequest>("WithdrawFromProgramme").Requires(Policies.TeachProgrammes);
        g.MapPost("/{programmeId:guid}/enrolments/{inmateId:guid}/completion",
                (Guid programmeId, Guid inmateId, HttpContext http) =>
                CommandEndpoint.RunAsync<CompleteProgrammeRequest>(http,
                    r => new CompleteProgramme(inmateId, programmeId, r.CompletedAt)))
            .AsCommand<CompleteProgrammeRequest>("CompleteProgramme").Requires(Policies.TeachProgrammes);
        return routes;
    }
}
