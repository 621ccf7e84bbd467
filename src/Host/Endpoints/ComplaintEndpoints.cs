using SecondChance.Integrity.Events;
using SecondChance.Application.Complaints;
using SecondChance.Domain.Access;
using SecondChance.Domain.Complaints;
using SecondChance.Host.Http;
using SecondChance.Host.Security;

namespace SecondChance.Host.Endpoints;

/// <summary>
/// Complaints about an inmate's treatment (UN Nelson Mandela Rules 56-57). Staff lodge and handle those lodged with
/// them; the oversight body lodges and handles those addressed to it, which nobody else learns of until it discloses
/// one. Every read is recorded in the access log.
/// </summary>
public static class ComplaintEndpoints
{
    public static IEndpointRouteBuilder MapComplaintEndpoints(this IEndpointRouteBuilder routes)
    {
        var g = routes.MapGroup("/inmates/{inmateId:guid}/complaints").WithTags("Complaints");
        g.MapPost("/", (Guid inmateId, HttpContext http) =>
                CommandEndpoint.RunAsync<LodgeComplaintRequest>(http, r => r.ToCommand(inmateId, Oversight(http)),
                    $"/inmates/{inmateId}/complaints/{{id}}"))
            .AsCreate<LodgeComplaintRequest>("LodgeComplaint").Requires(Policies.HandleComplaints);
        g.MapGet("/", async (Guid inmateId, HttpContext http, ComplaintViews views, MartenEventLog log) =>
                await KnownInmate.UnknownAsync(log, inmateId, http.RequestAborted) is { } missing ? missing
                    : Results.Ok(await views.ForInmateAsync(inmateId, Oversight(http), http.RequestAborted)))
            .WithName("ListComplaints").Produces<IReadOnlyList<ComplaintView>>().ProducesProblem(StatusCodes.Status404NotFound)
            .RequiresLogged(Policies.HandleComplaints);
        g.MapGet("/{complaintId:guid}", async (Guid inmateId, Guid complaintId, HttpContext http, ComplaintViews views) =>
                (await views.ForInmateAsync(inmateId, Oversight(http), http.RequestAborted)).FirstOrDefault(c => c.ComplaintId == complaintId) is { } view
                    ? Results.Ok(view) : Problems.NotFound("No complaint has this id."))
            .WithName("GetComplaint").Produces<ComplaintView>().ProducesProblem(StatusCodes.Status404NotFound)
            .RequiresLogged(Policies.HandleComplaints);

        g.MapPost("/{complaintId:guid}/acknowledgement", (Guid inmateId, Guid complaintId, HttpContext http) =>
                CommandEndpoint.RunAsync<ComplaintStepRequest>(http, r => new AcknowledgeComplaint(inmateId, complaintId, r.By!, r.At, Oversight(http))))
            .AsCommand<ComplaintStepRequest>("AcknowledgeComplaint").Requires(Policies.HandleComplaints);
        g.MapPost("/{complaintId:guid}/investigation", (Guid inmateId, Guid complaintId, HttpContext http) =>
                CommandEndpoint.RunAsync<ComplaintStepRequest>(http, r => new OpenComplaintInvestigation(inmateId, complaintId, r.By!, r.At, Oversight(http))))
            .AsCommand<ComplaintStepRequest>("OpenComplaintInvestigation").Requires(Policies.HandleComplaints);
        g.MapPost("/{complaintId:guid}/decision", (Guid inmateId, Guid complaintId, HttpContext http) =>
                CommandEndpoint.RunAsync<ComplaintDecisionRequest>(http,
                    r => new DecideComplaint(inmateId, complaintId, r.Outcome!.Value, r.Remedy, r.By!, r.At, Oversight(http))))
            .AsCommand<ComplaintDecisionRequest>("DecideComplaint").Requires(Policies.HandleComplaints);
        g.MapPost("/{complaintId:guid}/appeal", (Guid inmateId, Guid complaintId, HttpContext http) =>
                CommandEndpoint.RunAsync<ComplaintAppealRequest>(http, r => new AppealComplaint(inmateId, complaintId, r.Grounds!, r.At, Oversight(http))))
            .AsCommand<ComplaintAppealRequest>("AppealComplaint").Requires(Policies.HandleComplaints);
        g.MapPost("/{complaintId:guid}/disclosure", (Guid inmateId, Guid complaintId, HttpContext http) =>
                CommandEndpoint.RunAsync<DisclosureRequest>(http, r => new DiscloseComplaint(inmateId, complaintId, r.By!, r.Reason!, r.At, Oversight(http))))
            .AsCommand<DisclosureRequest>("DiscloseComplaint").Requires(Policies.HandleComplaints);
        return routes;
    }

    private static bool Oversight(HttpContext http) => http.User.Has(Role.Oversight);
}
