using SecondChance.Application;
using SecondChance.Application.ReadModels;
using SecondChance.Domain.Orders;
using SecondChance.Domain.Partners;
using SecondChance.Host.Http;
using SecondChance.Host.Security;

namespace SecondChance.Host.Endpoints;

/// <summary>Partner organisations with their memoranda of understanding, and partners' orders for prison products.</summary>
public static class PartnerEndpoints
{
    private static readonly string[] Roles = Enum.GetNames<PartnerRole>();
    private static readonly string[] OrderStatuses = ["Open", "Delivered", "Completed", "Cancelled"];

    public static IEndpointRouteBuilder MapPartnerEndpoints(this IEndpointRouteBuilder routes)
    {
        var p = routes.MapGroup("/partners").WithTags("Partners");
        p.MapPost("/", Task<IResult> (HttpContext http) => CommandEndpoint.RunAsync<RegisterPartnerRequest>(http, r => r.ToCommand(), "/partners/{id}"))
            .AsCreate<RegisterPartnerRequest>("RegisterPartner").Requires(Policies.TradeWithPartners);
        p.MapGet("/", async (HttpContext http, DirectoryQueries q) =>
            {
                if (!ListQuery.TryParse(http, [], out var f, out var error)) return error!;
                if (http.Request.Query["role"].ToString() is { Length: > 0 } raw)
                {
                    if (Roles.FirstOrDefault(r => string.Equals(r, raw, StringComparison.OrdinalIgnoreCase)) is not { } role)
                        return Results.ValidationProblem(new Dictionary<string, string[]> { ["role"] = [$"The role is one of: {string.Join(", ", Roles)}."] });
                    f = f with { Status = role };
                }
                return Results.Ok(await q.PartnersAsync(f, http.RequestAborted));
            })
            .AsList<PartnerListItem>("ListPartners", new QueryParameter("facilityId", typeof(Guid), "Only partners with a memorandum at this facility."),
                new QueryParameter("role", typeof(string), $"Only partners in this role: {string.Join(", ", Roles)}."))
            .Requires(Policies.ReadRecords);
        p.MapGet("/{partnerId:guid}", async (Guid partnerId, HttpContext http, Streams streams, DirectoryQueries q) =>
                StateEndpoint.Respond(http, partnerId, await streams.PartnerAsync(partnerId, http.RequestAborted),
                    await q.PartnerAsync(partnerId, http.RequestAborted)))
            .AsState<PartnerState>("GetPartner").Requires(Policies.ReadRecords);
        p.MapPost("/{partnerId:guid}/memoranda", (Guid partnerId, HttpContext http) =>
                CommandEndpoint.RunAsync<SignMemorandumRequest>(http, r => r.ToCommand(partnerId)))
            .AsCommand<SignMemorandumRequest>("SignMemorandum").Requires(Policies.TradeWithPartners);

        var o = routes.MapGroup("/orders").WithTags("Orders");
        o.MapPost("/", Task<IResult> (HttpContext http) => CommandEndpoint.RunAsync<PlaceOrderRequest>(http, r => r.ToCommand(), "/orders/{id}"))
            .AsCreate<PlaceOrderRequest>("PlaceOrder").Requires(Policies.TradeWithPartners);
        o.MapGet("/", async (HttpContext http, DirectoryQueries q, ReadScope scope) =>
                ListQuery.TryParse(http, OrderStatuses, out var f, out var error)
                    ? Results.Ok(await q.OrdersAsync(f with { Facilities = await scope.FacilitiesAsync(http.User, http.RequestAborted) }, http.RequestAborted))
                    : error!)
            .AsList<OrderListItem>("ListOrders", ListQuery.Facility, ListQuery.Status(OrderStatuses), ListQuery.Programme).Requires(Policies.ReadRecords);
        o.MapGet("/{orderId:guid}", async (Guid orderId, HttpContext http, Streams streams, DirectoryQueries q) =>
                StateEndpoint.Respond(http, orderId, await streams.OrderAsync(orderId, http.RequestAborted), await q.OrderAsync(orderId, http.RequestAborted)))
            .AsState<OrderState>("GetOrder").Requires(Policies.ReadRecords);
        o.MapPost("/{orderId:guid}/allocations", (Guid orderId, HttpContext http) =>
                CommandEndpoint.RunAsync<AllocateItemRequest>(http, r => r.ToCommand(orderId)))
            .AsCommand<AllocateItemRequest>("AllocateItemToOrder").Requires(Policies.TeachProgrammes);
        o.MapPost("/{orderId:guid}/deliveries", (Guid orderId, HttpContext http) =>
                CommandEndpoint.RunAsync<DeliverOrderRequest>(http, r => r.ToCommand(orderId)))
            .AsCommand<DeliverOrderRequest>("DeliverOrder").Requires(Policies.TradeWithPartners);
        o.MapPost("/{orderId:guid}/payments", (Guid orderId, HttpContext http) =>
                CommandEndpoint.RunAsync<PayForOrderRequest>(http, r => r.ToCommand(orderId)))
            .AsCommand<PayForOrderRequest>("PayForOrder").Requires(Policies.TradeWithPartners);
        o.MapPost("/{orderId:guid}/cancellation", (Guid orderId, HttpContext http) =>
                CommandEndpoint.RunAsync<CancelOrderRequest>(http, r => r.ToCommand(orderId)))
            .AsCommand<CancelOrderRequest>("CancelOrder").Requires(Policies.TradeWithPartners);
        return routes;
    }
}
