using SecondChance.Domain.Orders;

namespace SecondChance.Application.Orders;

public sealed class DeliverOrderHandler(Streams streams, CommandExecutor executor)
{
    public Task<CommandResult> HandleAsync(DeliverOrder command, CommandContext context, CancellationToken ct) =>
        executor.DecideAsync(streams.OrderAsync(command.OrderId, ct, context), command.OrderId, context,
            (order, now) => OrderDecider.Decide(order, command with { DeliveryId = Ids.OrNew(command.DeliveryId) }, now), ct);
}
