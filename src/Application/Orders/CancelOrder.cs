using SecondChance.Domain.Orders;

namespace SecondChance.Application.Orders;

/// <summary>Cancels the order and frees every item set aside for it, in one append.</summary>
public sealed class CancelOrderHandler(Streams streams, CommandExecutor executor)
{
    public async Task<CommandResult> HandleAsync(CancelOrder command, CommandContext context, CancellationToken ct)
    {
        var order = await streams.OrderAsync(command.OrderId, ct, context);
        if (!order.Exists) return CommandResult.NotFound(command.OrderId, "No order has this id.");
        var items = new List<ILoadedStream>();
        foreach (var itemId in order.State.Allocated) items.Add(await streams.ItemAsync(itemId, ct, context));
        return await executor.CommitAsync(context, command.OrderId, order, OrderDecider.Decide(order.State, command, executor.Now), items, ct);
    }
}
