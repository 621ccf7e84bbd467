using SecondChance.Domain.Orders;

namespace SecondChance.Application.Orders;

public sealed class PlaceOrderHandler(Streams streams, CommandExecutor executor)
{
    public async Task<CommandResult> HandleAsync(PlaceOrder command, CommandContext context, CancellationToken ct)
    {
        command = command with { OrderId = Ids.OrNew(command.OrderId) };
        var order = await streams.OrderAsync(command.OrderId, ct, context);
        var partner = await streams.PartnerAsync(command.PartnerId, ct, context);
        var programme = await streams.ProgrammeAsync(command.ProgrammeId, ct, context);
        var facility = await streams.FacilityAsync(programme.State.FacilityId, ct, context);
        return await executor.CommitAsync(context, command.OrderId, order,
            OrderDecider.Decide(order.State, partner.State, programme.State, facility.State, command, executor.Now), ct);
    }
}
