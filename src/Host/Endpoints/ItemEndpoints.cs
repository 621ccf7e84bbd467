using SecondChance.Application;
using SecondChance.Application.Items;
using SecondChance.Application.ReadModels;
using SecondChance.Domain.Items;
using SecondChance.Host.Http;
using SecondChance.Host.Security;

namespace SecondChance.Host.Endpoints;

public static class ItemEndpoints
{
    private static readonly string[] Statuses = ["Produced", "Listed", "OnOrder", "Sold", "Withdrawn", "Returned"];

    public static IEndpointRouteBuilder MapItemEndpoints(this IEndpointRouteBuilder routes)
    {
        var g = routes.MapGroup("/items").WithTags("Items");
        g.MapPost("/", Task<IResult> (HttpContext http) => CommandEndpoint.RunAsync<ProduceItemRequest>(http,
                r => r.ToCommand(), "/items/{id}"))
            .AsCreate<ProduceItemRequest>("ProduceItem").Requires(Policies.TeachProgrammes);
        g.MapGet("/", async (HttpContext http, DirectoryQueries q, ReadScope scope) =>
                ListQuery.TryParse(http, Statuses, out var f, out var error)
                    ? Results.Ok(await q.ItemsAsync(f with { Facilities = await scope.FacilitiesAsync(http.User, http.RequestAborted) }, http.RequestAborted))
                    : error!)
            .AsList<ItemListItem>("ListItems", ListQuery.Facility, ListQuery.Status(Statuses), ListQuery.Programme).Requires(Policies.ReadRecords);
        g.MapGet("/{itemId:guid}", async (Guid itemId, HttpContext http, Streams streams) =>
                StateEndpoint.Respond(http, itemId, await streams.ItemAsync(itemId, http.RequestAborted)))
            .AsState<ItemState>("GetItem").Requires(Policies.ReadRecords);
        g.MapPost("/{itemId:guid}/listing", (Guid itemId, HttpContext http) =>
                CommandEndpoint.RunAsync<ListItemRequest>(http, r => r.ToCommand(itemId)))
            .AsCommand<ListItemRequest>("ListItem").Requires(Policies.TeachProgrammes);
        g.MapPost("/{itemId:guid}/showings", (Guid itemId, HttpContext http) =>
                CommandEndpoint.RunAsync<ShowItemRequest>(http, r => r.ToCommand(itemId)))
            .AsCommand<ShowItemRequest>("ShowItem").Requires(Policies.TeachProgrammes);
        g.MapPost("/{itemId:guid}/sale", (Guid itemId, HttpContext http) =>
                CommandEndpoint.RunAsync<SellItemRequest>(http, r => r.ToCommand(itemId)))
            .AsCommand<SellItemRequest>("SellItem").Requires(Policies.TeachProgrammes);
        g.MapPost("/{itemId:guid}/withdrawal", (Guid itemId, HttpContext http) =>
                CommandEndpoint.RunAsync<WithdrawItemRequest>(http,
                    r => new WithdrawItem(itemId, r.Reason!, r.WithdrawnAt)))
            .AsCommand<WithdrawItemRequest>("WithdrawItem").Requires(Policies.TeachProgrammes);
        g.MapPost("/{itemId:guid}/return", (Guid itemId, HttpContext http) =>
                CommandEndpoint.RunAsync<ReturnItemRequest>(http,
                    r => new ReturnItem(itemId, r.SaleId!.Value, r.Reason!, r.ReturnedAt)))
            .AsCommand<ReturnItemRequest>("ReturnItem").Requires(Policies.TeachProgrammes);
        return routes;
    }
}
