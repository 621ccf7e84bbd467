using FluentAssertions;
using SecondChance.Domain.Facilities;
using SecondChance.Domain.Items;
using SecondChance.Domain.Orders;
using SecondChance.Domain.Partners;
using SecondChance.Domain.Programmes;
using SecondChance.Domain.Wages;
using SecondChance.Domain.Tests.Support;
using static SecondChance.Domain.Tests.Support.F;
using static SecondChance.Domain.Tests.Support.Spec;

namespace SecondChance.Domain.Tests;

public class OrderSpecs
{
    private static readonly Guid PartnerId = Id(600);
    private static readonly Guid OrderId = Id(610);
    private static readonly Guid SecondItemId = Id(310);
    private static readonly Guid PaymentId = Id(620);
    private static readonly DateOnly MouEnds = new(2026, 12, 31);
    private static readonly FacilityState Karachi = GivenFacility(Facility()).State;
    private static readonly ProgrammeState Programme = GivenProgramme(ProgrammeOpened()).State;

    private static PartnerRegistered Registered(params PartnerRole[] roles) =>
        new(PartnerId, "Karachi Arts Council", PartnerKind.ArtsCouncil, roles.Length > 0 ? roles : [PartnerRole.Buyer], Now.AddDays(-100));

    private static MemorandumSigned Mou(DateOnly? ends = null) =>
        new(PartnerId, Id(601), FacilityId, "Painted goods for the council's shop", new DateOnly(2026, 1, 1), ends ?? MouEnds,
            "Ms Rahim", "021-111-222", Now.AddDays(-90));

    private static PartnerState Partner(params object[] events) =>
        Given(PartnerState.Initial, PartnerState.Evolve, events.Length > 0 ? events : [Registered(), Mou()]).State;

    private static readonly PlaceOrder Place = new(OrderId, PartnerId, ProgrammeId, "Truck-art kettles", Craft.Painting, 2, 100_000, null,
        new DateOnly(2026, 4, 30), "KAC-PO-17", Now.AddDays(-30));

    private static OrderPlaced Placed(int quantity = 2) => new(OrderId, PartnerId, FacilityId, ProgrammeId, "Truck-art kettles", Craft.Painting,
        quantity, 100_000, "PKR", new DateOnly(2026, 4, 30), "KAC-PO-17", Now.AddDays(-30));

    private static OrderState Order(params object[] events) => Given(OrderState.Initial, OrderState.Evolve, [Placed(), .. events]).State;

    private static ItemProduced SecondProduced(params MakerWork[] makers) => Produced(makers) with { ItemId = SecondItemId };

    private static ItemState Item(Guid itemId, params object[] more) =>
        GivenItem([itemId == ItemId ? Produced() : SecondProduced(), .. more]).State;

    private static ItemState OnOrder(Guid itemId) => Item(itemId, new ItemAllocatedToOrder(itemId, OrderId, PartnerId, Now.AddDays(-15)));

    private static readonly OrderDelivered BothDelivered = new(OrderId, Id(630), [ItemId, SecondItemId], Now.AddDays(-5));

    private static Then Placing(PlaceOrder command, PartnerState? partner = null, ProgrammeState? programme = null, OrderState? order = null) =>
        new Given<OrderState>(order ?? OrderState.Initial).When(o => OrderDecider.Decide(o, partner ?? Partner(), programme ?? Programme, Karachi, command, Now));

    [Fact]
    public void Order_is_placed_in_the_facility_currency_for_the_programme_workshop() =>
        Placing(Place).ThenEmits(Placed());

    [Theory]
    [InlineData(0)]
    [InlineData(OrderDecider.MaxQuantity + 1)]
    public void Order_for_no_items_or_too_many_is_refused(int quantity) =>
        Placing(Place with { Quantity = quantity }).ThenRefused(RefusalCodes.InvalidField);

    [Fact]
    public void Order_at_a_price_of_nothing_is_refused() => Placing(Place with { PricePerItemMinor = 0 }).ThenRefused(RefusalCodes.InvalidAmount);

    [Fact]
    public void Order_due_before_it_was_placed_is_refused() =>
        Placing(Place with { DeliverBy = new DateOnly(2026, 1, 29) }).ThenRefused(RefusalCodes.EndsBeforeStart);

    [Fact]
    public void Order_from_a_partner_that_is_not_a_buyer_is_refused() =>
        Placing(Place, Partner(Registered(PartnerRole.SalesChannel), Mou())).ThenRefused(RefusalCodes.PartnerRoleMissing);

    [Fact]
    public void Order_on_the_memorandum_last_day_is_placed_and_the_day_after_refused()
    {
        var lastDay = new DateTimeOffset(2026, 1, 31, 23, 59, 0, TimeSpan.FromHours(5));
        var partner = Partner(Registered(), Mou(new DateOnly(2026, 1, 31)));
        Placing(Place with { PlacedAt = lastDay }, partner).Decision.IsRefused.Should().BeFalse();
        Placing(Place with { PlacedAt = lastDay.AddMinutes(1) }, partner).ThenRefused(RefusalCodes.NoMemorandumInForce);
    }

    [Fact]
    public void Order_from_an_unknown_partner_is_refused() =>
        Placing(Place, PartnerState.Initial).ThenRefused(RefusalCodes.PartnerNotFound);

    [Fact]
    public void Order_for_a_closed_workshop_is_refused() =>
        Placing(Place, programme: GivenProgramme(ProgrammeOpened(), new ProgrammeClosed(ProgrammeId, "end of course", Now.AddDays(-40))).State)
            .ThenRefused(RefusalCodes.ProgrammeIsClosed);

    [Fact]
    public void Order_placed_again_changes_nothing_and_another_with_its_id_is_refused()
    {
        Placing(Place, order: Order()).ThenNothing();
        Placing(Place with { Quantity = 3 }, order: Order()).ThenRefused(RefusalCodes.OrderAlreadyPlaced);
    }

    [Fact]
    public void Allocation_sets_the_item_aside_on_both_streams() =>
        new Given<OrderState>(Order()).When(o => OrderDecider.Decide(o, Item(ItemId), new AllocateItemToOrder(OrderId, ItemId, Now.AddDays(-15)), Now))
            .ThenEmits(
                new StreamEvents(StreamIds.Order(OrderId), [new OrderItemAllocated(OrderId, ItemId, Now.AddDays(-15))]),
                new StreamEvents(StreamIds.Item(ItemId), [new ItemAllocatedToOrder(ItemId, OrderId, PartnerId, Now.AddDays(-15))]));

    [Fact]
    public void Item_from_another_workshop_is_refused() =>
        new Given<OrderState>(Order()).When(o => OrderDecider.Decide(o, GivenItem(Produced() with { ProgrammeId = Id(201) }).State,
            new AllocateItemToOrder(OrderId, ItemId, null), Now)).ThenRefused(RefusalCodes.ItemNotForOrder);

    [Fact]
    public void Sold_item_cannot_fill_an_order() =>
        new Given<OrderState>(Order()).When(o => OrderDecider.Decide(o,
            Item(ItemId, Listed(), new ItemSold(ItemId, SaleId, 250_000, "PKR", SaleChannel.Shop, "", Now.AddDays(-9))),
            new AllocateItemToOrder(OrderId, ItemId, null), Now)).ThenRefused(RefusalCodes.ItemNotAvailable);

    [Fact]
    public void Order_takes_no_more_items_than_it_asked_for()
    {
        var full = Given(OrderState.Initial, OrderState.Evolve, Placed(1), new OrderItemAllocated(OrderId, ItemId, Now.AddDays(-15))).State;
        new Given<OrderState>(full).When(o => OrderDecider.Decide(o, Item(SecondItemId), new AllocateItemToOrder(OrderId, SecondItemId, null), Now))
            .ThenRefused(RefusalCodes.OrderFullyAllocated);
    }

    [Fact]
    public void Item_set_aside_for_one_order_cannot_fill_another_and_allocating_it_again_changes_nothing()
    {
        var other = Item(ItemId, new ItemAllocatedToOrder(ItemId, Id(611), PartnerId, Now.AddDays(-15)));
        new Given<OrderState>(Order()).When(o => OrderDecider.Decide(o, other, new AllocateItemToOrder(OrderId, ItemId, null), Now))
            .ThenRefused(RefusalCodes.ItemOnOrder);
        new Given<OrderState>(Order()).When(o => OrderDecider.Decide(o, OnOrder(ItemId), new AllocateItemToOrder(OrderId, ItemId, null), Now))
            .ThenNothing();
    }

    [Fact]
    public void Item_set_aside_for_an_order_is_not_listed_shown_sold_or_withdrawn()
    {
        var item = OnOrder(ItemId);
        ItemDecider.Decide(item, new ListItem(ItemId, 1000, "PKR", null), Now).Refusal!.Code.Should().Be(RefusalCodes.ItemOnOrder);
        ItemDecider.Decide(item, new WithdrawItem(ItemId, "broken", null), Now).Refusal!.Code.Should().Be(RefusalCodes.ItemOnOrder);
        SaleDecider.Decide(item, Karachi, new Dictionary<Guid, WageAccountState> { [InmateId] = WageAccountState.Initial },
            new SellItem(ItemId, SaleId, 1000, null, SaleChannel.Shop, "", null), Now).Refusal!.Code.Should().Be(RefusalCodes.ItemOnOrder);
    }

    [Fact]
    public void Delivery_of_an_item_not_allocated_or_already_delivered_is_refused()
    {
        var order = Order(new OrderItemAllocated(OrderId, ItemId, Now.AddDays(-15)));
        new Given<OrderState>(order).When(o => OrderDecider.Decide(o, new DeliverOrder(OrderId, Id(631), [SecondItemId], null), Now))
            .ThenRefused(RefusalCodes.ItemNotAllocated);
        var delivered = Order(new OrderItemAllocated(OrderId, ItemId, Now.AddDays(-15)), new OrderDelivered(OrderId, Id(630), [ItemId], Now.AddDays(-5)));
        new Given<OrderState>(delivered).When(o => OrderDecider.Decide(o, new DeliverOrder(OrderId, Id(631), [ItemId], null), Now))
            .ThenRefused(RefusalCodes.ItemAlreadyDelivered);
        new Given<OrderState>(delivered).When(o => OrderDecider.Decide(o, new DeliverOrder(OrderId, Id(630), [ItemId], null), Now)).ThenNothing();
    }

    private static OrderState Delivered() => Order(
        new OrderItemAllocated(OrderId, ItemId, Now.AddDays(-15)), new OrderItemAllocated(OrderId, SecondItemId, Now.AddDays(-15)), BothDelivered);

    private static ThenMulti Paying(PayForOrder command, OrderState? order = null, params MakerWork[] secondMakers) =>
        new Given<OrderState>(order ?? Delivered()).When(o => OrderDecider.Decide(o, Partner(), Karachi,
            new Dictionary<Guid, ItemState>
            {
                [ItemId] = OnOrder(ItemId),
                [SecondItemId] = GivenItem(SecondProduced(secondMakers), new ItemAllocatedToOrder(SecondItemId, OrderId, PartnerId, Now.AddDays(-15))).State,
            },
            new Dictionary<Guid, WageAccountState> { [InmateId] = WageAccountState.Initial, [SecondMakerId] = WageAccountState.Initial },
            command, Now));

    [Fact]
    public void Payment_sells_the_oldest_delivered_items_through_the_proceeds_split_and_credits_their_makers()
    {
        var paidAt = Now.AddDays(-1);
        var saleId = DeterministicGuid.OrderSale(PaymentId, ItemId);
        var posting = DeterministicGuid.ShareOfSalePosting(saleId, InmateId);
        Paying(new PayForOrder(OrderId, PaymentId, 100_000, null, paidAt)).ThenEmits(
            new StreamEvents(StreamIds.Order(OrderId), [new OrderPaymentReceived(OrderId, PaymentId, 100_000, "PKR", [ItemId], paidAt)]),
            new StreamEvents(StreamIds.Item(ItemId),
            [
                new ItemSold(ItemId, saleId, 100_000, "PKR", SaleChannel.PartnerOrder, "Karachi Arts Council", paidAt, PartnerId, OrderId),
                new SaleProceedsDistributed(ItemId, saleId, 100_000, "PKR", new DateOnly(2025, 1, 1), 60_000, 25_000, 15_000,
                    [new MakerProceeds(InmateId, 600, 60_000, 45_000, 15_000, 0, posting)]),
            ]),
            new StreamEvents(StreamIds.WageAccount(InmateId),
                [new ShareOfSaleCredited(InmateId, posting, saleId, ItemId, 60_000, 45_000, 15_000, 0, "PKR", paidAt)]));
    }

    [Fact]
    public void Maker_of_both_paid_items_is_credited_for_each_in_one_append_to_the_account()
    {
        var decision = Paying(new PayForOrder(OrderId, PaymentId, 200_000, null, null)).Decision;
        decision.Refusal.Should().BeNull();
        decision.Streams.Select(s => s.StreamId).Should().OnlyHaveUniqueItems();
        decision.EventsFor(StreamIds.WageAccount(InmateId)).OfType<ShareOfSaleCredited>().Select(c => c.ItemId)
            .Should().Equal(ItemId, SecondItemId);
        decision.EventsFor(StreamIds.WageAccount(InmateId)).OfType<ShareOfSaleCredited>().Sum(c => c.AmountMinor).Should().Be(120_000);
    }

    [Fact]
    public void Payment_for_part_of_an_item_or_more_than_was_delivered_is_refused()
    {
        Paying(new PayForOrder(OrderId, PaymentId, 150_000, null, null)).ThenRefused(RefusalCodes.PaymentNotWholeItems);
        Paying(new PayForOrder(OrderId, PaymentId, 200_001, null, null)).ThenRefused(RefusalCodes.PaymentNotWholeItems);
        Paying(new PayForOrder(OrderId, PaymentId, 300_000, null, null)).ThenRefused(RefusalCodes.PaymentExceedsDeliveries);
        Paying(new PayForOrder(OrderId, PaymentId, -100_000, null, null)).ThenRefused(RefusalCodes.InvalidAmount);
        Paying(new PayForOrder(OrderId, PaymentId, 200_000, null, null)).Decision.IsRefused.Should().BeFalse("exactly every delivered item");
    }

    [Fact]
    public void Payment_before_the_items_were_delivered_is_refused() =>
        Paying(new PayForOrder(OrderId, PaymentId, 100_000, null, BothDelivered.DeliveredAt.AddMinutes(-1))).ThenRefused(RefusalCodes.BeforeOrder);

    [Fact]
    public void Payment_in_another_currency_is_refused() =>
        Paying(new PayForOrder(OrderId, PaymentId, 100_000, "USD", null)).ThenRefused(RefusalCodes.CurrencyMismatch);

    [Fact]
    public void Payment_recorded_again_changes_nothing_and_paid_items_are_not_paid_twice()
    {
        var paid = Given(OrderState.Initial, OrderState.Evolve, Placed(), new OrderItemAllocated(OrderId, ItemId, Now.AddDays(-15)),
            new OrderItemAllocated(OrderId, SecondItemId, Now.AddDays(-15)), BothDelivered,
            new OrderPaymentReceived(OrderId, PaymentId, 200_000, "PKR", [ItemId, SecondItemId], Now.AddDays(-1))).State;
        Paying(new PayForOrder(OrderId, PaymentId, 200_000, null, null), paid).ThenNothing();
        Paying(new PayForOrder(OrderId, Id(621), 100_000, null, null), paid).ThenRefused(RefusalCodes.PaymentExceedsDeliveries);
    }

    [Fact]
    public void Cancelled_order_frees_its_items_and_takes_no_more()
    {
        var order = Order(new OrderItemAllocated(OrderId, ItemId, Now.AddDays(-15)));
        var at = Now.AddDays(-2);
        new Given<OrderState>(order).When(o => OrderDecider.Decide(o, new CancelOrder(OrderId, "council closed its shop", at), Now)).ThenEmits(
            new StreamEvents(StreamIds.Order(OrderId), [new OrderCancelled(OrderId, "council closed its shop", at)]),
            new StreamEvents(StreamIds.Item(ItemId), [new ItemReleasedFromOrder(ItemId, OrderId, at)]));
        var cancelled = Order(new OrderCancelled(OrderId, "closed", at));
        new Given<OrderState>(cancelled).When(o => OrderDecider.Decide(o, Item(SecondItemId), new AllocateItemToOrder(OrderId, SecondItemId, null), Now))
            .ThenRefused(RefusalCodes.OrderCancelled);
        GivenItem(Produced(), new ItemAllocatedToOrder(ItemId, OrderId, PartnerId, Now.AddDays(-15)), new ItemReleasedFromOrder(ItemId, OrderId, at))
            .State.Should().Match<ItemState>(i => i.OrderId == null && i.Status == ItemStatus.Produced);
    }

    [Fact]
    public void Order_never_placed_takes_no_items_deliveries_payments_or_cancellation()
    {
        var none = new Given<OrderState>(OrderState.Initial);
        none.When(o => OrderDecider.Decide(o, Item(ItemId), new AllocateItemToOrder(OrderId, ItemId, null), Now)).ThenRefused(RefusalCodes.OrderNotFound);
        none.When(o => OrderDecider.Decide(o, new DeliverOrder(OrderId, Id(630), [ItemId], null), Now)).ThenRefused(RefusalCodes.OrderNotFound);
        none.When(o => OrderDecider.Decide(o, new CancelOrder(OrderId, "x", null), Now)).ThenRefused(RefusalCodes.OrderNotFound);
        Paying(new PayForOrder(OrderId, PaymentId, 100_000, null, null), OrderState.Initial).ThenRefused(RefusalCodes.OrderNotFound);
    }

    [Fact]
    public void Order_with_deliveries_cannot_be_cancelled() =>
        new Given<OrderState>(Delivered()).When(o => OrderDecider.Decide(o, new CancelOrder(OrderId, "changed mind", null), Now))
            .ThenRefused(RefusalCodes.OrderHasDeliveries);
}
