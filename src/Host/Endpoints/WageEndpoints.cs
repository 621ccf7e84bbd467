using SecondChance.Application;
using SecondChance.Application.Wages;
using SecondChance.Domain.Wages;
using SecondChance.Host.Http;
using SecondChance.Host.Security;

namespace SecondChance.Host.Endpoints;

/// <summary>An inmate's wage account: its ETag is the account's version; each posting's id is returned as the result id.</summary>
public static class WageEndpoints
{
    public static IEndpointRouteBuilder MapWageEndpoints(this IEndpointRouteBuilder routes)
    {
        var g = routes.MapGroup("/inmates/{inmateId:guid}/wage-account").WithTags("Wages");
        g.MapGet("/", async (Guid inmateId, HttpContext http, Streams streams) =>
            {
                var inmate = await streams.InmateAsync(inmateId, http.RequestAborted);
                if (!inmate.Exists) return Problems.NotFound($"No inmate has id {inmateId}.");
                var account = await streams.WageAccountAsync(inmateId, http.RequestAborted);
                http.Response.Headers.ETag = IfMatch.ETag(account.Version);
                // an account with no postings yet still belongs to this inmate
                return Results.Ok(new StreamView<WageAccountState>(inmateId, account.Version, account.State with { InmateId = inmateId }, null));
            })
            .AsState<WageAccountState>("GetWageAccount").RequiresLogged(Policies.ReadFinancial);
        g.MapPost("/credits", (Guid inmateId, HttpContext http) =>
                CommandEndpoint.RunAsync<CreditWageRequest>(http, r => r.ToCommand(inmateId)))
            .AsCommand<CreditWageRequest>("CreditWage").Requires(Policies.RecordWages);
        g.MapPost("/deductions", (Guid inmateId, HttpContext http) =>
                CommandEndpoint.RunAsync<DeductFromWagesRequest>(http, r => r.ToCommand(inmateId)))
            .AsCommand<DeductFromWagesRequest>("DeductFromWages").Requires(Policies.RecordWages);
        g.MapPost("/remittances", (Guid inmateId, HttpContext http) =>
                CommandEndpoint.RunAsync<RemitToFamilyRequest>(http, r => r.ToCommand(inmateId)))
            .AsCommand<RemitToFamilyRequest>("RemitToFamily").Requires(Policies.RecordWages);
        g.MapPost("/payout", (Guid inmateId, HttpContext http) =>
                CommandEndpoint.RunAsync<PayOutAtReleaseRequest>(http, r => r.ToCommand(inmateId)))
            .AsCommand<PayOutAtReleaseRequest>("PayOutAtRelease").Requires(Policies.RecordWages);
        g.MapPost("/reversals", (Guid inmateId, HttpContext http) =>
                CommandEndpoint.RunAsync<ReversePostingRequest>(http, r => r.ToCommand(inmateId)))
            .AsCommand<ReversePostingRequest>("ReversePosting").Requires(Policies.RecordWages);
        return routes;
    }
}
