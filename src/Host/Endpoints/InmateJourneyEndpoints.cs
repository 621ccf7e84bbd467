using SecondChance.Application.Inmates;
using SecondChance.Application.Programmes;
using SecondChance.Host.Http;
using SecondChance.Host.Security;

namespace SecondChance.Host.Endpoints;

/// <summary>Release, mentoring, certification and correction of an inmate's record.</summary>
public static class InmateJourneyEndpoints
{
    public static IEndpointRouteBuilder MapInmateJourneyEndpoints(this IEndpointRouteBuilder routes, RouteGroupBuilder g)
    {
        g.MapPut("/{inmateId:guid}/release-plan", (Guid inmateId, HttpContext http, PlanReleaseHandler h) =>
                CommandEndpoint.RunAsync<PlanReleaseRequest>(http, (r, c, ct) => h.HandleAsync(r.ToCommand(inmateId), c, ct)))
            .AsCommand<PlanReleaseRequest>("PlanRelease").Requires(Policies.RecordJourneys);
        g.MapPost("/{inmateId:guid}/release", (Guid inmateId, HttpContext http, ReleaseInmateHandler h) =>
                CommandEndpoint.RunAsync<ReleaseInmateRequest>(http, (r, c, ct) => h.HandleAsync(r.ToCommand(inmateId), c, ct)))
            .AsCommand<ReleaseInmateRequest>("ReleaseInmate").Requires(Policies.RecordJourneys);
        g.MapPost("/{inmateId:guid}/follow-ups", (Guid inmateId, HttpContext http, RecordPostReleaseFollowUpHandler h) =>
                CommandEndpoint.RunAsync<RecordFollowUpRequest>(http, (r, c, ct) => h.HandleAsync(r.ToCommand(inmateId), c, ct)))
            .AsCommand<RecordFollowUpRequest>("RecordPostReleaseFollowUp").Requires(Policies.RecordJourneys);
        g.MapPost("/{inmateId:guid}/corrections", (Guid inmateId, HttpContext http, CorrectInmateRecordHandler h) =>
                CommandEndpoint.RunAsync<CorrectInmateRecordRequest>(http, (r, c, ct) => h.HandleAsync(r.ToCommand(inmateId), c, ct)))
            .AsCommand<CorrectInmateRecordRequest>("CorrectInmateRecord").Requires(Policies.RecordJourneys);
        g.MapPut("/{inmateId:guid}/mentor", (Guid inmateId, HttpContext http, AssignMentorHandler h) =>
                CommandEndpoint.RunAsync<AssignMentorRequest>(http, (r, c, ct) => h.HandleAsync(r.ToCommand(inmateId), c, ct)))
            .AsCommand<AssignMentorRequest>("AssignMentor").Requires(Policies.CoordinateMentors);
        g.MapPost("/{inmateId:guid}/mentor/unassignment", (Guid inmateId, HttpContext http, UnassignMentorHandler h) =>
                CommandEndpoint.RunAsync<UnassignMentorRequest>(http, (r, c, ct) => h.HandleAsync(r.ToCommand(inmateId), c, ct)))
            .AsCommand<UnassignMentorRequest>("UnassignMentor").Requires(Policies.CoordinateMentors);
        g.MapPost("/{inmateId:guid}/mentoring-contacts", (Guid inmateId, HttpContext http, RecordMentoringContactHandler h) =>
                CommandEndpoint.RunAsync<RecordMentoringContactRequest>(http, (r, c, ct) => h.HandleAsync(r.ToCommand(inmateId), c, ct)))
            .AsCommand<RecordMentoringContactRequest>("RecordMentoringContact").Requires(Policies.CoordinateMentors);
        g.MapPost("/{inmateId:guid}/certifications", (Guid inmateId, HttpContext http, CertifySkillHandler h) =>
                CommandEndpoint.RunAsync<CertifySkillRequest>(http, (r, c, ct) => h.HandleAsync(r.ToCommand(inmateId), c, ct)))
            .AsCommand<CertifySkillRequest>("CertifySkill").Requires(Policies.TeachProgrammes);
        return routes;
    }
}
