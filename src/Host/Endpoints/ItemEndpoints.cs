using SecondChance.Application;
using SecondChance.Application.Items;
using SecondChance.Application.ReadModels;
using SecondChance.Domain.Items;
using SecondChance.Host.Http;
using SecondChance.Host.Security;

namespace SecondChance.Host.Endpoints;

public static class ItemEndpoints
{
    private static readonly string[] Statuses = ["Produced", "Listed", "Sold", "Withdrawn", "Returned"];

    public static IEndpointRouteBuilder MapItemEndpoints(this IEndpointRouteBuilder routes)
    {
        var g = routes.MapGroup("/items").WithTags("Items");
        g.MapPost("/", (HttpContext http, ProduceItemHandler h) => CommandEndpoint.RunAsync<ProduceItemRequest>(http,
                (r, c, ct) => h.HandleAsync(r.ToCommand(), c, ct), id => $"/items/{id}"))
            .AsCreate<ProduceItemRequest>("ProduceItem").Requires(Policies.TeachProgrammes);
        g.MapGet("/", async (HttpContext http, DirectoryQueries q, ReadScope scope) =>
                ListQuery.TryParse(http, Statuses, out var f, out var error)
                    ? Results.Ok(await q.ItemsAsync(f with { Facilities = await scope.FacilitiesAsync(http.User, http.RequestAborted) }, http.RequestAborted))
                    : error!)
            .AsList<ItemListItem>("ListItems", ListQuery.Facility, ListQuery.Status(Statuses), ListQuery.Programme).Requires(Policies.ReadRecords);
        g.MapGet("/{itemId:guid}", async (Guid itemId, HttpContext http, Streams streams) =>
                StateEndpoint.Respond(http, itemId, await streams.ItemAsync(itemId, http.RequestAborted)))
            .AsState<ItemState>("GetItem").Requires(Policies.ReadRecords);
        g.MapPost("/{itemId:guid}/listing", (Guid itemId, HttpContext http, ListItemHandler h) =>
                CommandEndpoint.RunAsync<ListItemRequest>(http, (r, c, ct) => h.HandleAsync(r.ToCommand(itemId), c, ct)))
            .AsCommand<ListItemRequest>("ListItem").Requires(Policies.TeachProgrammes);
        g.MapPost("/{itemId:guid}/showings", (Guid itemId, HttpContext http, ShowItemHandler h) =>
                CommandEndpoint.RunAsync<ShowItemRequest>(http, (r, c, ct) => h.HandleAsync(r.ToCommand(itemId), c, ct)))
            .AsCommand<ShowItemRequest>("ShowItem").Requires(Policies.TeachProgrammes);
        g.MapPost("/{itemId:guid}/sale", (Guid itemId, HttpContext http, SellItemHandler h) =>
                CommandEndpoint.RunAsync<SellItemRequest>(http, (r, c, ct) => h.HandleAsync(r.ToCommand(itemId), c, ct)))
            .AsCommand<SellItemRequest>("SellItem").Requires(Policies.TeachProgrammes);
        g.MapPost("/{itemId:guid}/withdrawal", (Guid itemId, HttpContext http, WithdrawItemHandler h) =>
                CommandEndpoint.RunAsync<WithdrawItemRequest>(http,
                    (r, c, ct) => h.HandleAsync(new WithdrawItem(itemId, r.Reason!, r.WithdrawnAt), c, ct)))
            .AsCommand<WithdrawItemRequest>("WithdrawItem").Requires(Policies.TeachProgrammes);
        g.MapPost("/{itemId:guid}/return", (Guid itemId, HttpContext http, ReturnItemHandler h) =>
                CommandEndpoint.RunAsync<ReturnItemRequest>(http,
                    (r, c, ct) => h.HandleAsync(new ReturnItem(itemId, r.SaleId!.Value, r.Reason!, r.ReturnedAt), c, ct)))
            .AsCommand<ReturnItemRequest>("ReturnItem").Requires(Policies.TeachProgrammes);
        return routes;
    }
}
