using SecondChance.Application;
using SecondChance.Application.Mentors;
using SecondChance.Application.ReadModels;
using SecondChance.Domain.Mentors;
using SecondChance.Host.Http;
using SecondChance.Host.Security;

namespace SecondChance.Host.Endpoints;

public static class MentorEndpoints
{
    private static readonly string[] Statuses = ["Registered", "Vetted", "Deactivated"];

    public static IEndpointRouteBuilder MapMentorEndpoints(this IEndpointRouteBuilder routes)
    {
        var g = routes.MapGroup("/mentors").WithTags("Mentors");
        g.MapPost("/", Task<IResult> (HttpContext http) => CommandEndpoint.RunAsync<RegisterMentorRequest>(http,
                r => r.ToCommand(), "/mentors/{id}"))
            .AsCreate<RegisterMentorRequest>("RegisterMentor").Requires(Policies.CoordinateMentors);
        g.MapGet("/", async (HttpContext http, DirectoryQueries q) =>
                ListQuery.TryParse(http, Statuses, out var f, out var error) ? Results.Ok(await q.MentorsAsync(f, http.RequestAborted)) : error!)
            .AsList<MentorListItem>("ListMentors", ListQuery.Status(Statuses)).Requires(Policies.ReadRecords);
        g.MapGet("/{mentorId:guid}", async (Guid mentorId, HttpContext http, Streams streams, DirectoryQueries q) =>
                StateEndpoint.Respond(http, mentorId, await streams.MentorAsync(mentorId, http.RequestAborted),
                    await q.MentorAsync(mentorId, http.RequestAborted)))
            .AsState<MentorState>("GetMentor").Requires(Policies.ReadRecords);
        g.MapPost("/{mentorId:guid}/vetting", (Guid mentorId, HttpContext http) =>
                CommandEndpoint.RunAsync<VetMentorRequest>(http, r => r.ToCommand(mentorId)))
            .AsCommand<VetMentorRequest>("VetMentor").Requires(Policies.CoordinateMentors);
        g.MapPost("/{mentorId:guid}/deactivation", (Guid mentorId, HttpContext http) =>
                CommandEndpoint.RunAsync<DeactivateMentorRequest>(http, r => r.ToCommand(mentorId)))
            .AsCommand<DeactivateMentorRequest>("DeactivateMentor").Requires(Policies.CoordinateMentors);
        return routes;
    }
}
