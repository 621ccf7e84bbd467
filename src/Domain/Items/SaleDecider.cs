using SecondChance.Domain.Facilities;
using SecondChance.Domain.Partners;
using SecondChance.Domain.Proceeds;
using SecondChance.Domain.Wages;
using static SecondChance.Domain.RefusalCodes;

namespace SecondChance.Domain.Items;

/// <summary>
/// A sale writes the item stream and every co-maker's wage account in one append. Each maker's posting id is
/// derived from (sale, inmate), so a retried sale can never credit a maker twice.
/// </summary>
public static class SaleDecider
{
    /// <param name="partner">The partner organisation the sale went through, when the command names one.</param>
    public static MultiStreamDecision Decide(
        ItemState item, FacilityState facility, IReadOnlyDictionary<Guid, WageAccountState> makerAccounts, SellItem command, DateTimeOffset now,
        PartnerState? partner = null)
    {
        if (command.PriceMinor <= 0) return new Refusal(InvalidAmount, "The price must be positive.");
        if (command.Currency is not null && !Money.IsCurrencyCode(command.Currency))
            return new Refusal(InvalidCurrency, "Currency must be an ISO 4217 code.");
        if (command.Channel == SaleChannel.PartnerOrder)
            return new Refusal(InvalidField, "An item made for a partner's order is sold when the partner pays for the order.");
        var at = command.SoldAt ?? now;
        if (!item.Exists) return new Refusal(ItemNotFound, "The item does not exist.");
        if (ItemDecider.AfterProduction(item, at, now, "Sale time") is { } r1) return r1;
        if (item.WasSold)
            return item.SaleId == command.SaleId ? MultiStreamDecision.Nothing : new Refusal(ItemAlreadySold, "The item has already been sold.");
        if (item.OrderId is not null) return new Refusal(ItemOnOrder, "The item is set aside for a partner's order.");
        if (item.Status != ItemStatus.Listed) return new Refusal(ItemNotListed, "Only a listed item can be sold.");
        if (command.PartnerId is { } partnerId && (partner is null || partner.PartnerId != partnerId))
            return new Refusal(PartnerNotFound, "The partner is not registered.");
        if (partner is not null && command.PartnerId is not null
            && PartnerDecider.MayAct(partner, PartnerRole.SalesChannel, item.FacilityId, facility.LocalDate(at)) is { } r2)
            return r2;
        var sale = Sell(item, facility, makerAccounts, command.SaleId, command.PriceMinor, command.Currency, command.Channel,
            command.BuyerReference.Trim(), command.PartnerId, null, at);
        return sale.Refusal is { } refusal ? refusal : MultiStreamDecision.Accept([.. sale.Streams]);
    }

    /// <summary>
    /// The events of one sale: the item sold and its proceeds split under the policy in force on the sale date, then
    /// each maker's share credited to their wage account. Shared by direct sales and by partners' order payments.
    /// </summary>
    internal static (IReadOnlyList<StreamEvents> Streams, Refusal? Refusal) Sell(
        ItemState item, FacilityState facility, IReadOnlyDictionary<Guid, WageAccountState> makerAccounts, Guid saleId, long price,
        string? currency, SaleChannel channel, string buyer, Guid? partnerId, Guid? orderId, DateTimeOffset at)
    {
        if (!facility.Registered || facility.FacilityId != item.FacilityId)
            return ([], new Refusal(WrongFacility, "The facility is not where the item was made."));
        currency ??= facility.Currency;
        if (currency != facility.Currency)
            return ([], new Refusal(CurrencyMismatch,
                $"Sales at this facility are in {facility.Currency}, the currency its makers' wage accounts are kept in; this sale is in {currency}."));
        var saleDate = facility.LocalDate(at);
        if (facility.PolicyInForce(saleDate) is not { } policy)
            return ([], new Refusal(NoProceedsPolicy, $"The facility has no proceeds policy in force on {saleDate:yyyy-MM-dd}."));

        var split = ProceedsSplitter.SplitSale(price, policy, item.Makers);
        var streams = new List<StreamEvents>();
        var makers = new List<MakerProceeds>();
        foreach (var maker in split.Makers)
        {
            if (!makerAccounts.TryGetValue(maker.InmateId, out var account))
                return ([], new Refusal(WageAccountMissing, $"The wage account of maker {maker.InmateId} was not supplied."));
            var postingId = DeterministicGuid.ShareOfSalePosting(saleId, maker.InmateId);
            makers.Add(new MakerProceeds(maker.InmateId, maker.MinutesWorked, maker.Share,
                maker.Credit.Spendable, maker.Credit.Savings, maker.Credit.Family, postingId));
            if (maker.Share > 0 && !account.HasPosting(postingId))
                streams.Add(new StreamEvents(StreamIds.WageAccount(maker.InmateId),
                [
                    new ShareOfSaleCredited(maker.InmateId, postingId, saleId, item.ItemId, maker.Share,
                        maker.Credit.Spendable, maker.Credit.Savings, maker.Credit.Family, currency, at),
                ]));
        }

        var sold = new ItemSold(item.ItemId, saleId, price, currency, channel, buyer, at, partnerId, orderId);
        var distributed = new SaleProceedsDistributed(item.ItemId, saleId, price, currency,
            policy.EffectiveFrom, split.InmateShare, split.WelfareFund, split.MaterialsRecovery, makers);
        streams.Insert(0, new StreamEvents(StreamIds.Item(item.ItemId), [sold, distributed]));
        return (streams, null);
    }
}
