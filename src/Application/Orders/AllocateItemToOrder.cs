using SecondChance.Domain.Orders;

namespace SecondChance.Application.Orders;

/// <summary>Sets the item aside for the order on both streams in one append; the result's version is the order's.</summary>
public sealed class AllocateItemToOrderHandler(Streams streams, CommandExecutor executor)
{
    public async Task<CommandResult> HandleAsync(AllocateItemToOrder command, CommandContext context, CancellationToken ct)
    {
        var order = await streams.OrderAsync(command.OrderId, ct, context);
        if (!order.Exists) return CommandResult.NotFound(command.OrderId, "No order has this id.");
        var item = await streams.ItemAsync(command.ItemId, ct, context);
        return await executor.CommitAsync(context, command.OrderId, order,
            OrderDecider.Decide(order.State, item.State, command, executor.Now), [item], ct);
    }
}
