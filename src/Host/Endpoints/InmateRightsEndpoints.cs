using SecondChance.Host.Http;
using SecondChance.Host.Security;

namespace SecondChance.Host.Endpoints;

/// <summary>What oversight judges: restraints, labour, deaths and serious incidents in custody, family contact.</summary>
public static class InmateRightsEndpoints
{
    public static IEndpointRouteBuilder MapInmateRightsEndpoints(this IEndpointRouteBuilder routes, RouteGroupBuilder g)
    {
        g.MapPost("/{inmateId:guid}/restraints", (Guid inmateId, HttpContext http) =>
                CommandEndpoint.RunAsync<ApplyRestraintRequest>(http, r => r.ToCommand(inmateId)))
            .AsCommand<ApplyRestraintRequest>("ApplyRestraint").Requires(Policies.RecordJourneys);
        g.MapPost("/{inmateId:guid}/restraints/{restraintId:guid}/end", (Guid inmateId, Guid restraintId, HttpContext http) =>
                CommandEndpoint.RunAsync<EndRestraintRequest>(http, r => r.ToCommand(inmateId, restraintId)))
            .AsCommand<EndRestraintRequest>("EndRestraint").Requires(Policies.RecordJourneys);
        g.MapPost("/{inmateId:guid}/labour", (Guid inmateId, HttpContext http) =>
                CommandEndpoint.RunAsync<RecordLabourRequest>(http, r => r.ToCommand(inmateId)))
            .AsCommand<RecordLabourRequest>("RecordLabour").Requires(Policies.RecordJourneys);
        g.MapPost("/{inmateId:guid}/custody-incidents", (Guid inmateId, HttpContext http) =>
                CommandEndpoint.RunAsync<RecordCustodyIncidentRequest>(http, r => r.ToCommand(inmateId)))
            .AsCommand<RecordCustodyIncidentRequest>("RecordCustodyIncident").Requires(Policies.RecordJourneys);
        g.MapPost("/{inmateId:guid}/custody-incidents/{incidentId:guid}/family-notification", (Guid inmateId, Guid incidentId, HttpContext http) =>
                CommandEndpoint.RunAsync<NotifyFamilyOfIncidentRequest>(http, r => r.ToCommand(inmateId, incidentId)))
            .AsCommand<NotifyFamilyOfIncidentRequest>("NotifyFamilyOfIncident").Requires(Policies.RecordJourneys);
        g.MapPost("/{inmateId:guid}/custody-incidents/{incidentId:guid}/report", (Guid inmateId, Guid incidentId, HttpContext http) =>
                CommandEndpoint.RunAsync<ReportIncidentRequest>(http, r => r.ToCommand(inmateId, incidentId)))
            .AsCommand<ReportIncidentRequest>("ReportIncidentToAuthority").Requires(Policies.RecordJourneys);
        g.MapPost("/{inmateId:guid}/custody-incidents/{incidentId:guid}/investigation", (Guid inmateId, Guid incidentId, HttpContext http) =>
                CommandEndpoint.RunAsync<OpenInvestigationRequest>(http, r => r.ToCommand(inmateId, incidentId)))
            .AsCommand<OpenInvestigationRequest>("OpenIncidentInvestigation").Requires(Policies.RecordJourneys);
        g.MapPost("/{inmateId:guid}/custody-incidents/{incidentId:guid}/investigation/conclusion", (Guid inmateId, Guid incidentId, HttpContext http) =>
                CommandEndpoint.RunAsync<ConcludeInvestigationRequest>(http, r => r.ToCommand(inmateId, incidentId)))
            .AsCommand<ConcludeInvestigationRequest>("ConcludeIncidentInvestigation").Requires(Policies.RecordJourneys);
        g.MapPost("/{inmateId:guid}/family-contacts", (Guid inmateId, HttpContext http) =>
                CommandEndpoint.RunAsync<RecordFamilyContactRequest>(http, r => r.ToCommand(inmateId)))
            .AsCommand<RecordFamilyContactRequest>("RecordFamilyContact").Requires(Policies.RecordJourneys);
        g.MapPost("/{inmateId:guid}/family-visit-refusals", (Guid inmateId, HttpContext http) =>
                CommandEndpoint.RunAsync<RefuseFamilyVisitRequest>(http, r => r.ToCommand(inmateId)))
            .AsCommand<RefuseFamilyVisitRequest>("RefuseFamilyVisit").Requires(Policies.RecordJourneys);
        return routes;
    }
}
