using SecondChance.Domain.Facilities;
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
    public static MultiStreamDecision Decide(
        ItemState item, FacilityState facility, IReadOnlyDictionary<Guid, WageAccountState> makerAccounts, SellItem command, DateTimeOffset now)
    {
        if (command.PriceMinor <= 0) return new Refusal(InvalidAmount, "The price must be positive.");
        if (command.Currency is not null && !Money.IsCurrencyCode(command.Currency))
            return new Refusal(InvalidCurrency, "Currency must be an ISO 4217 code.");
        var at = command.SoldAt ?? now;
        if (!item.Exists) return new Refusal(ItemNotFound, "The item does not exist.");
        if (ItemDecider.AfterProduction(item, at, now, "Sale time") is { } r1) return r1;
        if (item.WasSold)
            return item.SaleId == command.SaleId ? MultiStreamDecision.Nothing : new Refusal(ItemAlreadySold, "The item has already been sold.");
        if (item.Status != ItemStatus.Listed) return new Refusal(ItemNotListed, "Only a listed item can be sold.");
        if (!facility.Registered || facility.FacilityId != item.FacilityId)
            return new Refusal(WrongFacility, "The facility is not where the item was made.");
        var currency = command.Currency ?? facility.Currency;
        if (currency != facility.Currency)
            return new Refusal(CurrencyMismatch,
                $"Sales at this facility are in {facility.Currency}, the currency its makers' wage accounts are kept in; this sale is in {currency}.");
        var saleDate = facility.LocalDate(at);
        if (facility.PolicyInForce(saleDate) is not { } policy)
            return new Refusal(NoProceedsPolicy, $"The facility has no proceeds policy in force on {saleDate:yyyy-MM-dd}.");

        var split = ProceedsSplitter.SplitSale(command.PriceMinor, policy, item.Makers);
        var streams = new List<StreamEvents>();
        var makers = new List<MakerProceeds>();
        foreach (var maker in split.Makers)
        {
            if (!makerAccounts.TryGetValue(maker.InmateId, out var account))
                return new Refusal(WageAccountMissing, $"The wage account of maker {maker.InmateId} was not supplied.");
            var postingId = DeterministicGuid.ShareOfSalePosting(command.SaleId, maker.InmateId);
            makers.Add(new MakerProceeds(maker.InmateId, maker.MinutesWorked, maker.Share,
                maker.Credit.Spendable, maker.Credit.Savings, maker.Credit.Family, postingId));
            if (maker.Share > 0 && !account.HasPosting(postingId))
                streams.Add(new StreamEvents(StreamIds.WageAccount(maker.InmateId),
                [
                    new ShareOfSaleCredited(maker.InmateId, postingId, command.SaleId, item.ItemId, maker.Share,
                        maker.Credit.Spendable, maker.Credit.Savings, maker.Credit.Family, currency, at),
                ]));
        }

        var sold = new ItemSold(item.ItemId, command.SaleId, command.PriceMinor, currency, command.Channel,
            command.BuyerReference.Trim(), at);
        var distributed = new SaleProceedsDistributed(item.ItemId, command.SaleId, command.PriceMinor, currency,
            policy.EffectiveFrom, split.InmateShare, split.WelfareFund, split.MaterialsRecovery, makers);
        streams.Insert(0, new StreamEvents(StreamIds.Item(item.ItemId), [sold, distributed]));
        return MultiStreamDecision.Accept([.. streams]);
    }
}
