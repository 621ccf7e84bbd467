using SecondChance.Domain.Items;
using SecondChance.Domain.Orders;
using SecondChance.Domain.Wages;

namespace SecondChance.Application.Orders;

/// <summary>
/// Sells every item the payment covers and credits their makers, with the order, in one append: each stream at the
/// version it was read at, so a payment recorded twice at once either finds itself already recorded or loses the race.
/// </summary>
public sealed class PayForOrderHandler(Streams streams, CommandExecutor executor)
{
    public async Task<CommandResult> HandleAsync(PayForOrder command, CommandContext context, CancellationToken ct)
    {
        command = command with { PaymentId = Ids.OrNew(command.PaymentId) };
        var order = await streams.OrderAsync(command.OrderId, ct, context);
        if (!order.Exists) return CommandResult.NotFound(command.OrderId, "No order has this id.");
        var partner = await streams.PartnerAsync(order.State.PartnerId, ct, context);
        var facility = await streams.FacilityAsync(order.State.FacilityId, ct, context);
        var others = new List<ILoadedStream> { partner };
        var items = new Dictionary<Guid, ItemState>();
        foreach (var (itemId, _) in order.State.Unpaid)
        {
            var item = await streams.ItemAsync(itemId, ct, context);
            items[itemId] = item.State;
            others.Add(item);
        }
        var accounts = new Dictionary<Guid, WageAccountState>();
        foreach (var maker in items.Values.SelectMany(i => i.Makers).Select(m => m.InmateId).Distinct())
        {
            var account = await streams.WageAccountAsync(maker, ct, context);
            accounts[maker] = account.State;
            others.Add(account);
        }
        return await executor.CommitAsync(context, command.OrderId, order,
            OrderDecider.Decide(order.State, partner.State, facility.State, items, accounts, command, executor.Now), others, ct);
    }
}
