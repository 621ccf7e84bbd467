using FluentAssertions;
using SecondChance.Domain.Facilities;
using SecondChance.Domain.Items;
using SecondChance.Domain.Tests.Support;
using SecondChance.Domain.Wages;
using static SecondChance.Domain.Tests.Support.F;
using static SecondChance.Domain.Tests.Support.Spec;

namespace SecondChance.Domain.Tests;

public class SaleSpecs
{
    private static readonly FacilityState Karachi = GivenFacility(Facility()).State;
    private static readonly SellItem Sell = new(ItemId, SaleId, 250_000, "PKR", SaleChannel.Exhibition, "Buyer-88", Now.AddHours(-1));
    private static readonly MakerWork[] TwoMakers = [new(SecondMakerId, 300), new(InmateId, 600)];

    private static Dictionary<Guid, WageAccountState> Accounts(params Guid[] inmates) =>
        inmates.ToDictionary(i => i, _ => WageAccountState.Initial);

    private static ThenMulti Selling(SellItem command, FacilityState? facility = null, Dictionary<Guid, WageAccountState>? accounts = null,
        params object[] item) =>
        GivenItem(item).When(i => SaleDecider.Decide(i, facility ?? Karachi, accounts ?? Accounts(InmateId, SecondMakerId), command, Now));

    [Fact]
    public void Sale_records_the_sale_every_part_and_credits_each_maker_once()
    {
        var first = DeterministicGuid.ShareOfSalePosting(SaleId, InmateId);
        var second = DeterministicGuid.ShareOfSalePosting(SaleId, SecondMakerId);
        Selling(Sell, null, null, Produced(TwoMakers), Listed()).ThenEmits(
            new StreamEvents(StreamIds.Item(ItemId),
            [
                new ItemSold(ItemId, SaleId, 250_000, "PKR", SaleChannel.Exhibition, "Buyer-88", Sell.SoldAt!.Value),
                new SaleProceedsDistributed(ItemId, SaleId, 250_000, "PKR", new DateOnly(2025, 1, 1), 150_000, 62_500, 37_500,
                [
                    new MakerProceeds(InmateId, 600, 100_000, 75_000, 25_000, 0, first),
                    new MakerProceeds(SecondMakerId, 300, 50_000, 37_500, 12_500, 0, second),
                ]),
            ]),
            new StreamEvents(StreamIds.WageAccount(InmateId),
                [new ShareOfSaleCredited(InmateId, first, SaleId, ItemId, 100_000, 75_000, 25_000, 0, "PKR", Sell.SoldAt!.Value)]),
            new StreamEvents(StreamIds.WageAccount(SecondMakerId),
                [new ShareOfSaleCredited(SecondMakerId, second, SaleId, ItemId, 50_000, 37_500, 12_500, 0, "PKR", Sell.SoldAt!.Value)]));
    }

    [Fact]
    public void Retried_sale_changes_nothing() =>
        Selling(Sell, null, null, Produced(), Listed(), new ItemSold(ItemId, SaleId, 250_000, "PKR", SaleChannel.Exhibition, "Buyer-88", Sell.SoldAt!.Value))
            .ThenNothing();

    [Fact]
    public void Item_is_sold_at_most_once() =>
        Selling(Sell with { SaleId = Id(302) }, null, null, Produced(), Listed(),
                new ItemSold(ItemId, SaleId, 250_000, "PKR", SaleChannel.Exhibition, "Buyer-88", Sell.SoldAt!.Value))
            .ThenRefused(RefusalCodes.ItemAlreadySold);

    [Fact]
    public void Sale_in_another_currency_than_the_facility_keeps_accounts_in_is_refused() =>
        Selling(Sell with { Currency = "USD" }, null, null, Produced(), Listed()).ThenRefused(RefusalCodes.CurrencyMismatch);

    [Fact]
    public void Sale_without_a_currency_is_in_the_facility_currency() =>
        Selling(Sell with { Currency = null }, null, Accounts(InmateId), Produced(), Listed()).Decision
            .EventsFor(StreamIds.Item(ItemId)).OfType<ItemSold>().Single().Currency.Should().Be("PKR");

    [Fact]
    public void Maker_whose_account_once_held_a_posting_in_another_currency_is_still_credited_in_rupees()
    {
        var account = GivenWageAccount(new WageCredited(InmateId, PostingId, WageKind.Wage, 100, 75, 25, 0, "USD", "typo", Now.AddDays(-5))).State;
        Selling(Sell, null, new() { [InmateId] = account }, Produced(), Listed()).Decision
            .EventsFor(StreamIds.WageAccount(InmateId)).OfType<ShareOfSaleCredited>().Single().Currency.Should().Be("PKR");
    }

    [Fact]
    public void Item_cannot_be_sold_before_it_was_made() =>
        Selling(Sell with { SoldAt = Produced().ProducedAt.AddHours(-1) }, null, null, Produced(), Listed()).ThenRefused(RefusalCodes.BeforeProduction);

    [Fact]
    public void Item_is_sold_only_if_listed() => Selling(Sell, null, null, Produced()).ThenRefused(RefusalCodes.ItemNotListed);

    [Fact]
    public void Withdrawn_item_cannot_be_sold() =>
        Selling(Sell, null, null, Produced(), Listed(), new ItemWithdrawn(ItemId, "r", Now)).ThenRefused(RefusalCodes.ItemNotListed);

    [Fact]
    public void Unknown_item_cannot_be_sold() => Selling(Sell).ThenRefused(RefusalCodes.ItemNotFound);

    [Fact]
    public void Sale_price_must_be_positive() =>
        Selling(Sell with { PriceMinor = -5 }, null, null, Produced(), Listed()).ThenRefused(RefusalCodes.InvalidAmount);

    [Fact]
    public void Sale_cannot_be_in_the_future() =>
        Selling(Sell with { SoldAt = TooLate }, null, null, Produced(), Listed()).ThenRefused(RefusalCodes.DateInFuture);

    [Fact]
    public void Sale_before_any_policy_is_refused() =>
        Selling(Sell with { SoldAt = new DateTimeOffset(2024, 6, 1, 10, 0, 0, TimeSpan.FromHours(5)) }, null, null,
                Produced() with { ProducedAt = new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.FromHours(5)) }, Listed())
            .ThenRefused(RefusalCodes.NoProceedsPolicy);

    [Fact]
    public void Sale_at_another_facility_is_refused() =>
        Selling(Sell, GivenFacility(new FacilityRegistered(OtherFacilityId, "Peshawar", "PSH", "Asia/Karachi", false)).State, null,
            Produced(), Listed()).ThenRefused(RefusalCodes.WrongFacility);

    [Fact]
    public void Sale_without_each_makers_wage_account_is_refused() =>
        Selling(Sell, null, Accounts(InmateId), Produced(TwoMakers), Listed()).ThenRefused(RefusalCodes.WageAccountMissing);

    [Fact]
    public void Sale_uses_the_policy_in_force_on_the_local_sale_date()
    {
        var facility = GivenFacility([.. Facility(), Policy(new DateOnly(2026, 2, 1), inmate: 7000, welfare: 2000, materials: 1000)]).State;
        var justAfterMidnightInKarachi = new DateTimeOffset(2026, 1, 31, 19, 30, 0, TimeSpan.Zero);
        var produced = Produced() with { ProducedAt = new DateTimeOffset(2026, 1, 2, 10, 0, 0, TimeSpan.FromHours(5)) };
        var decision = Selling(Sell with { SoldAt = justAfterMidnightInKarachi }, facility, null, produced, Listed()).Decision;
        var distributed = decision.EventsFor(StreamIds.Item(ItemId)).OfType<SaleProceedsDistributed>().Single();
        distributed.PolicyEffectiveFrom.Should().Be(new DateOnly(2026, 2, 1));
        distributed.InmateShareMinor.Should().Be(175_000);

        var beforeMidnight = new DateTimeOffset(2026, 1, 31, 18, 30, 0, TimeSpan.Zero);
        Selling(Sell with { SoldAt = beforeMidnight }, facility, null, produced, Listed()).Decision
            .EventsFor(StreamIds.Item(ItemId)).OfType<SaleProceedsDistributed>().Single().InmateShareMinor.Should().Be(150_000);
    }

    [Fact]
    public void Maker_already_credited_for_this_sale_is_not_credited_again()
    {
        var account = GivenWageAccount(new ShareOfSaleCredited(InmateId, DeterministicGuid.ShareOfSalePosting(SaleId, InmateId), SaleId, ItemId,
            150_000, 112_500, 37_500, 0, "PKR", Sell.SoldAt!.Value)).State;
        var decision = Selling(Sell, null, new() { [InmateId] = account }, Produced(), Listed()).Decision;
        decision.Streams.Select(s => s.StreamId).Should().Equal(StreamIds.Item(ItemId));
    }

    [Fact]
    public void Share_of_sale_posting_id_is_derived_deterministically()
    {
        var id = DeterministicGuid.ShareOfSalePosting(SaleId, InmateId);
        id.Should().Be(DeterministicGuid.ShareOfSalePosting(SaleId, InmateId));
        id.Should().NotBe(DeterministicGuid.ShareOfSalePosting(SaleId, SecondMakerId));
        id.ToString()[14].Should().Be('5');
    }
}
