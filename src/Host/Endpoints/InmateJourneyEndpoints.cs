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
        g.MapPut("/{inmateId:guid}/release-plan", (Guid inmateId, HttpContext http) =>
                CommandEndpoint.RunAsync<PlanReleaseRequest>(http, r => r.ToCommand(inmateId)))
            .AsCommand<PlanReleaseRequest>("PlanRelease").Requires(Policies.RecordJourneys);
        g.MapPut("/{inmateId:guid}/rehabilitation-plan", (Guid inmateId, HttpContext http) =>
                CommandEndpoint.RunAsync<RehabilitationPlanRequest>(http, r => r.ToCommand(inmateId)))
            .AsCommand<RehabilitationPlanRequest>("DrawUpRehabilitationPlan").Requires(Policies.RecordJourneys);
        g.MapPost("/{inmateId:guid}/rehabilitation-plan/reviews", (Guid inmateId, HttpContext http) =>
                CommandEndpoint.RunAsync<PlanGoalReviewRequest>(http, r => r.ToCommand(inmateId)))
            .AsCommand<PlanGoalReviewRequest>("ReviewPlanGoal").Requires(Policies.RecordJourneys);
        g.MapPost("/{inmateId:guid}/release", (Guid inmateId, HttpContext http) =>
                CommandEndpoint.RunAsync<ReleaseInmateRequest>(http, r => r.ToCommand(inmateId)))
            .AsCommand<ReleaseInmateRequest>("ReleaseInmate").Requires(Policies.RecordJourneys);
        g.MapPost("/{inmateId:guid}/follow-ups", (Guid inmateId, HttpContext http) =>
                CommandEndpoint.RunAsync<RecordFollowUpRequest>(http, r => r.ToCommand(inmateId)))
            .AsCommand<RecordFollowUpRequest>("RecordPostReleaseFollowUp").Requires(Policies.RecordJourneys);
        g.MapPost("/{inmateId:guid}/corrections", (Guid inmateId, HttpContext http) =>
                CommandEndpoint.RunAsync<CorrectInmateRecordRequest>(http, r => r.ToCommand(inmateId)))
            .AsCommand<CorrectInmateRecordRequest>("CorrectInmateRecord").Requires(Policies.RecordJourneys);
        g.MapPut("/{inmateId:guid}/mentor", (Guid inmateId, HttpContext http) =>
                CommandEndpoint.RunAsync<AssignMentorRequest>(http, r => r.ToCommand(inmateId)))
            .AsCommand<AssignMentorRequest>("AssignMentor").Requires(Policies.CoordinateMentors);
        g.MapPost("/{inmateId:guid}/mentor/unassignment", (Guid inmateId, HttpContext http) =>
                CommandEndpoint.RunAsync<UnassignMentorRequest>(http, r => r.ToCommand(inmateId)))
            .AsCommand<UnassignMentorRequest>("UnassignMentor").Requires(Policies.CoordinateMentors);
        g.MapPost("/{inmateId:guid}/mentoring-contacts", (Guid inmateId, HttpContext http) =>
                CommandEndpoint.RunAsync<RecordMentoringContactRequest>(http, r => r.ToCommand(inmateId)))
            .AsCommand<RecordMentoringContactRequest>("RecordMentoringContact").Requires(Policies.CoordinateMentors);
        g.MapPost("/{inmateId:guid}/certifications", (Guid inmateId, HttpContext http) =>
                CommandEndpoint.RunAsync<CertifySkillRequest>(http, r => r.ToCommand(inmateId)))
            .AsCommand<CertifySkillRequest>("CertifySkill").Requires(Policies.TeachProgrammes);
        return routes;
    }
}
