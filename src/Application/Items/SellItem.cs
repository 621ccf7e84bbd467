using SecondChance.Domain.Items;
using SecondChance.Domain.Wages;

namespace SecondChance.Application.Items;

/// <summary>
/// Sells the item and credits every co-maker's wage account in one append, each stream at the version it was read
/// at: a retried or doubly-recorded sale either finds the item sold by this sale (nothing to do) or loses the race.
/// The result's id is the sale's; its version is the item's.
/// </summary>
public sealed class SellItemHandler(Streams streams, CommandExecutor executor)
{
    public async Task<CommandResult> HandleAsync(SellItem command, CommandContext context, CancellationToken ct)
    {
        command = command with { SaleId = Ids.OrNew(command.SaleId) };
        var item = await streams.ItemAsync(command.ItemId, ct, context);
        if (!item.Exists) return CommandResult.NotFound(command.ItemId, "No item has this id.");
        var facility = await streams.FacilityAsync(item.State.FacilityId, ct, context);
        var accounts = new List<Loaded<WageAccountState>>();
        foreach (var maker in item.State.Makers.Select(m => m.InmateId).Distinct())
            accounts.Add(await streams.WageAccountAsync(maker, ct, context));
        var partner = command.PartnerId is { } partnerId ? await streams.PartnerAsync(partnerId, ct, context) : null;
        var decision = SaleDecider.Decide(item.State, facility.State,
            item.State.Makers.Select(m => m.InmateId).Distinct().Zip(accounts).ToDictionary(p => p.First, p => p.Second.State),
            command, executor.Now, partner is { Exists: true } ? partner.State : null);
        return await executor.CommitAsync(context, command.SaleId, item, decision, accounts, ct);
    }
}
