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
        g.MapPost("/credits", (Guid inmateId, HttpContext http, CreditWageHandler h) =>
                CommandEndpoint.RunAsync<CreditWageRequest>(http, (r, c, ct) => h.HandleAsync(r.ToCommand(inmateId), c, ct)))
            .AsCommand<CreditWageRequest>("CreditWage").Requires(Policies.RecordWages);
        g.MapPost("/deductions", (Guid inmateId, HttpContext http, DeductFromWagesHandler h) =>
                CommandEndpoint.RunAsync<DeductFromWagesRequest>(http, (r, c, ct) => h.HandleAsync(r.ToCommand(inmateId), c, ct)))
            .AsCommand<DeductFromWagesRequest>("DeductFromWages").Requires(Policies.RecordWages);
        g.MapPost("/remittances", (Guid inmateId, HttpContext http, RemitToFamilyHandler h) =>
                CommandEndpoint.RunAsync<RemitToFamilyRequest>(http, (r, c, ct) => h.HandleAsync(r.ToCommand(inmateId), c, ct)))
            .AsCommand<RemitToFamilyRequest>("RemitToFamily").Requires(Policies.RecordWages);
        g.MapPost("/payout", (Guid inmateId, HttpContext http, PayOutAtReleaseHandler h) =>
                CommandEndpoint.RunAsync<PayOutAtReleaseRequest>(http, (r, c, ct) => h.HandleAsync(r.ToCommand(inmateId), c, ct)))
            .AsCommand<PayOutAtReleaseRequest>("PayOutAtRelease").Requires(Policies.RecordWages);
        g.MapPost("/reversals", (Guid inmateId, HttpContext http, ReversePostingHandler h) =>
                CommandEndpoint.RunAsync<ReversePostingRequest>(http, (r, c, ct) => h.HandleAsync(r.ToCommand(inmateId), c, ct)))
            .AsCommand<ReversePostingRequest>("ReversePosting").Requires(Policies.RecordWages);
        return routes;
    }
}
