using SecondChance.Application;
using SecondChance.Application.Ventures;
using SecondChance.Domain.Ventures;
using SecondChance.Host.Http;
using SecondChance.Host.Security;

namespace SecondChance.Host.Endpoints;

/// <summary>
/// Ventures of the Peshawar pilot (issue 16) and each facility's venture fund. A venture is addressed under the facility
/// whose fund backs it, so facility scope follows the route; money moves (fund credits, grants, repayments) need the
/// wage recorders' policy, the venture's steps the journey recorders'.
/// </summary>
public static class VentureEndpoints
{
    public static IEndpointRouteBuilder MapVentureEndpoints(this IEndpointRouteBuilder routes)
    {
        var f = routes.MapGroup("/facilities/{facilityId:guid}/venture-fund").WithTags("Ventures");
        f.MapGet("/", async (Guid facilityId, HttpContext http, Streams streams, VentureViews views) =>
            {
                var facility = await streams.FacilityAsync(facilityId, http.RequestAborted);
                if (!facility.Exists) return Problems.NotFound($"No facility has id {facilityId}.");
                var fund = await views.FundAsync(facilityId, facility.State.Currency, http.RequestAborted);
                http.Response.Headers.ETag = IfMatch.ETag(fund.Version);
                return Results.Ok(fund);
            })
            .WithName("GetVentureFund").Produces<VentureFundView>().ProducesProblem(StatusCodes.Status404NotFound).Requires(Policies.ReadFinancial);
        f.MapPost("/credits", (Guid facilityId, HttpContext http) =>
                CommandEndpoint.RunAsync<CreditVentureFundRequest>(http, r => r.ToCommand(facilityId)))
            .AsCommand<CreditVentureFundRequest>("CreditVentureFund").Requires(Policies.RecordWages);

        var g = routes.MapGroup("/facilities/{facilityId:guid}/ventures").WithTags("Ventures");
        g.MapPost("/", (Guid facilityId, HttpContext http) =>
                CommandEndpoint.RunAsync<ProposeVentureRequest>(http, r => r.ToCommand(facilityId), $"/facilities/{facilityId}/ventures/{{id}}"))
            .AsCreate<ProposeVentureRequest>("ProposeVenture").Requires(Policies.RecordJourneys);
        g.MapGet("/{ventureId:guid}", async (Guid facilityId, Guid ventureId, HttpContext http, Streams streams, VentureViews views) =>
            {
                if (await views.VentureAsync(facilityId, ventureId, http.RequestAborted) is not { } view)
                    return Problems.NotFound("No venture has this id at this facility.");
                var facility = await streams.FacilityAsync(facilityId, http.RequestAborted);
                http.Response.Headers.ETag = IfMatch.ETag(view.Version);
                return Results.Ok(view with { Currency = facility.State.Currency });
            })
            .WithName("GetVenture").Produces<VentureView>().ProducesProblem(StatusCodes.Status404NotFound).Requires(Policies.ReadRecords);
        g.MapPost("/{ventureId:guid}/approval", (Guid facilityId, Guid ventureId, HttpContext http) =>
                CommandEndpoint.RunAsync<VentureApprovalRequest>(http, r => new ApproveVenture(facilityId, ventureId, r.By!, r.At)))
            .AsCommand<VentureApprovalRequest>("ApproveVenture").Requires(Policies.RecordJourneys);
        g.MapPost("/{ventureId:guid}/decline", (Guid facilityId, Guid ventureId, HttpContext http) =>
                CommandEndpoint.RunAsync<VentureDeclineRequest>(http, r => new DeclineVenture(facilityId, ventureId, r.Reason!, r.By!, r.At)))
            .AsCommand<VentureDeclineRequest>("DeclineVenture").Requires(Policies.RecordJourneys);
        g.MapPost("/{ventureId:guid}/grants", (Guid facilityId, Guid ventureId, HttpContext http) =>
                CommandEndpoint.RunAsync<SeedGrantRequest>(http,
                    r => new AwardSeedGrant(facilityId, ventureId, r.PostingId ?? Guid.Empty, r.AmountMinor!.Value, r.Currency, r.AwardedAt)))
            .AsCommand<SeedGrantRequest>("AwardSeedGrant").Requires(Policies.RecordWages);
        g.MapPost("/{ventureId:guid}/milestones", (Guid facilityId, Guid ventureId, HttpContext http) =>
                CommandEndpoint.RunAsync<VentureMilestoneRequest>(http, r => new RecordVentureMilestone(facilityId, ventureId, r.Milestone!.Value, r.ReachedAt)))
            .AsCommand<VentureMilestoneRequest>("RecordVentureMilestone").Requires(Policies.RecordJourneys);
        g.MapPost("/{ventureId:guid}/repayments", (Guid facilityId, Guid ventureId, HttpContext http) =>
                CommandEndpoint.RunAsync<VentureRepaymentRequest>(http,
                    r => new RecordVentureRepayment(facilityId, ventureId, r.PostingId ?? Guid.Empty, r.Kind!.Value, r.AmountMinor!.Value, r.Currency, r.RepaidAt)))
            .AsCommand<VentureRepaymentRequest>("RecordVentureRepayment").Requires(Policies.RecordWages);
        g.MapPost("/{ventureId:guid}/closure", (Guid facilityId, Guid ventureId, HttpContext http) =>
                CommandEndpoint.RunAsync<VentureClosureRequest>(http, r => new CloseVenture(facilityId, ventureId, r.Reason!, r.At)))
            .AsCommand<VentureClosureRequest>("CloseVenture").Requires(Policies.RecordJourneys);
        return routes;
    }
}
