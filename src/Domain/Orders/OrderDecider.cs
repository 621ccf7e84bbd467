using SecondChance.Domain.Facilities;
using SecondChance.Domain.Items;
using SecondChance.Domain.Partners;
using SecondChance.Domain.Programmes;
using SecondChance.Domain.Wages;
using static SecondChance.Domain.Inmates.InmateGuards;
using static SecondChance.Domain.RefusalCodes;

namespace SecondChance.Domain.Orders;

/// <summary>
/// A partner's order: placed under a memorandum in force, filled with items made in the programme's workshop, delivered,
/// and paid for; payment sells each paid item to the partner through the same proceeds split and wage crediting as
/// any sale, in the same append, so every paisa can be followed from the order to a maker's wage account.
/// </summary>
public static class OrderDecider
{
    public const int MaxQuantity = 10_000;

    public static Decision Decide(
        OrderState order, PartnerState partner, ProgrammeState programme, FacilityState facility, PlaceOrder command, DateTimeOffset now)
    {
        if (Required(command.Description, InvalidField, "A description of the goods") is { } r1) return r1;
        if (command.Quantity is <= 0 or > MaxQuantity) return Decision.Refuse(InvalidField, $"An order is for 1 to {MaxQuantity} items.");
        if (command.PricePerItemMinor <= 0) return Decision.Refuse(InvalidAmount, "The price per item must be positive.");
        if (command.Currency is not null && !Money.IsCurrencyCode(command.Currency))
            return Decision.Refuse(InvalidCurrency, "Currency must be an ISO 4217 code.");
        var at = command.PlacedAt ?? now;
        if (NotInFuture(at, now, "The order's time") is { } r2) return r2;
        if (order.Exists)
            return order.PartnerId == command.PartnerId && order.ProgrammeId == command.ProgrammeId && order.Quantity == command.Quantity
                   && order.PricePerItemMinor == command.PricePerItemMinor
                ? Decision.Nothing
                : Decision.Refuse(OrderAlreadyPlaced, "A different order with this id has been placed.");
        if (!programme.Opened || programme.ProgrammeId != command.ProgrammeId)
            return Decision.Refuse(ProgrammeNotFound, "The programme does not exist.");
        if (programme.Closed) return Decision.Refuse(ProgrammeIsClosed, "The programme is closed; its workshop takes no orders.");
        if (!facility.Registered || facility.FacilityId != programme.FacilityId)
            return Decision.Refuse(FacilityNotFound, "The programme's facility is not registered.");
        var placedOn = facility.LocalDate(at);
        if (command.DeliverBy < placedOn)
            return Decision.Refuse(EndsBeforeStart, $"The delivery date ({command.DeliverBy:yyyy-MM-dd}) is before the order ({placedOn:yyyy-MM-dd}).");
        var currency = command.Currency ?? facility.Currency;
        if (currency != facility.Currency)
            return Decision.Refuse(CurrencyMismatch, $"Orders at this facility are paid in {facility.Currency}, the currency of its makers' wage accounts.");
        if (PartnerDecider.MayAct(partner, PartnerRole.Buyer, facility.FacilityId, placedOn) is { } r3) return r3;
        return Decision.Accept(new OrderPlaced(command.OrderId, partner.PartnerId, facility.FacilityId, programme.ProgrammeId,
            command.Description.Trim(), command.Craft, command.Quantity, command.PricePerItemMinor, currency, command.DeliverBy,
            (command.Reference ?? "").Trim(), at));
    }

    public static MultiStreamDecision Decide(OrderState order, ItemState item, AllocateItemToOrder command, DateTimeOffset now)
    {
        if (Open(order) is { } r1) return r1;
        if (!item.Exists) return new Refusal(ItemNotFound, "The item does not exist.");
        var at = command.AllocatedAt ?? now;
        if (NotInFuture(at, now, "Allocation time") is { } r2) return r2;
        if (item.OrderId == order.OrderId) return MultiStreamDecision.Nothing;
        if (item.OrderId is not null) return new Refusal(ItemOnOrder, "The item is set aside for another order.");
        if (item.ProgrammeId != order.ProgrammeId) return new Refusal(ItemNotForOrder, "The item was made in another programme's workshop.");
        if (item.Status is not (ItemStatus.Produced or ItemStatus.Listed))
            return new Refusal(ItemNotAvailable, $"The item is {item.Status.ToString().ToLowerInvariant()}; only an unsold item can fill an order.");
        if (order.Allocated.Count >= order.Quantity)
            return new Refusal(OrderFullyAllocated, $"The order already has all {order.Quantity} items it asked for.");
        var since = item.ProducedAt > order.PlacedAt ? item.ProducedAt : order.PlacedAt;
        if (at < since)
            return new Refusal(BeforeOrder, $"Allocation time ({Stamp(at)}) is before the order was placed or the item made ({Stamp(since)}).");
        return MultiStreamDecision.Accept(
            new StreamEvents(StreamIds.Order(order.OrderId), [new OrderItemAllocated(order.OrderId, item.ItemId, at)]),
            new StreamEvents(StreamIds.Item(item.ItemId), [new ItemAllocatedToOrder(item.ItemId, order.OrderId, order.PartnerId, at)]));
    }

    public static Decision Decide(OrderState order, DeliverOrder command, DateTimeOffset now)
    {
        if (!order.Exists) return Decision.Refuse(OrderNotFound, "The order does not exist.");
        if (order.Deliveries.Contains(command.DeliveryId)) return Decision.Nothing;
        if (Open(order) is { } r1) return r1;
        if (command.ItemIds is null || command.ItemIds.Count == 0) return Decision.Refuse(InvalidField, "A delivery has at least one item.");
        if (command.ItemIds.Distinct().Count() != command.ItemIds.Count) return Decision.Refuse(InvalidField, "Each item is listed once.");
        var at = command.DeliveredAt ?? now;
        if (NotInFuture(at, now, "Delivery time") is { } r2) return r2;
        if (at < order.PlacedAt) return Decision.Refuse(BeforeOrder, $"Delivery time ({Stamp(at)}) is before the order ({Stamp(order.PlacedAt)}).");
        foreach (var itemId in command.ItemIds)
        {
            if (!order.Allocated.Contains(itemId)) return Decision.Refuse(ItemNotAllocated, $"Item {itemId} is not allocated to this order.");
            if (order.Delivered.Any(d => d.ItemId == itemId)) return Decision.Refuse(ItemAlreadyDelivered, $"Item {itemId} has already been delivered.");
        }
        return Decision.Accept(new OrderDelivered(order.OrderId, command.DeliveryId, command.ItemIds.ToList(), at));
    }

    /// <param name="items">Every delivered item not yet paid for.</param>
    /// <param name="makerAccounts">The wage account of every maker of those items.</param>
    public static MultiStreamDecision Decide(
        OrderState order, PartnerState partner, FacilityState facility, IReadOnlyDictionary<Guid, ItemState> items,
        IReadOnlyDictionary<Guid, WageAccountState> makerAccounts, PayForOrder command, DateTimeOffset now)
    {
        if (!order.Exists) return new Refusal(OrderNotFound, "The order does not exist.");
        if (order.Payments.Contains(command.PaymentId)) return MultiStreamDecision.Nothing;
        if (command.AmountMinor <= 0) return new Refusal(InvalidAmount, "The amount must be positive.");
        if (command.Currency is not null && !Money.IsCurrencyCode(command.Currency))
            return new Refusal(InvalidCurrency, "Currency must be an ISO 4217 code.");
        var currency = command.Currency ?? order.Currency;
        if (currency != order.Currency) return new Refusal(CurrencyMismatch, $"The order is priced in {order.Currency}; this payment is in {currency}.");
        var at = command.PaidAt ?? now;
        if (NotInFuture(at, now, "Payment time") is { } r1) return r1;
        if (command.AmountMinor % order.PricePerItemMinor != 0)
            return new Refusal(PaymentNotWholeItems,
                $"A payment covers whole items at {order.PricePerItemMinor} {order.Currency} (minor units) each; {command.AmountMinor} is not a multiple of it.");
        var count = command.AmountMinor / order.PricePerItemMinor;
        var unpaid = order.Unpaid.ToList();
        if (count > unpaid.Count)
            return new Refusal(PaymentExceedsDeliveries,
                $"The payment is for {count} items but {unpaid.Count} delivered items are unpaid ({unpaid.Count * order.PricePerItemMinor} minor units).");
        var paying = unpaid.Take((int)count).ToList();
        var lastDelivery = paying.Max(p => p.At);
        if (at < lastDelivery) return new Refusal(BeforeOrder, $"Payment time ({Stamp(at)}) is before the items paid for were delivered ({Stamp(lastDelivery)}).");

        var streams = new List<StreamEvents>
        {
            new(StreamIds.Order(order.OrderId), [new OrderPaymentReceived(order.OrderId, command.PaymentId, command.AmountMinor, currency,
                paying.Select(p => p.ItemId).ToList(), at)]),
        };
        foreach (var (itemId, _) in paying)
        {
            if (!items.TryGetValue(itemId, out var item) || item.OrderId != order.OrderId)
                return new Refusal(ItemNotAllocated, $"Item {itemId} was not supplied as one of this order's items.");
            var sale = SaleDecider.Sell(item, facility, makerAccounts, DeterministicGuid.OrderSale(command.PaymentId, itemId),
                order.PricePerItemMinor, currency, SaleChannel.PartnerOrder, partner.Name, order.PartnerId, order.OrderId, at);
            if (sale.Refusal is { } refusal) return refusal;
            streams.AddRange(sale.Streams);
        }
        // a maker of several paid items is credited once per item, all in one append to their account
        return MultiStreamDecision.Accept([.. streams.GroupBy(s => s.StreamId).Select(g => new StreamEvents(g.Key, g.SelectMany(s => s.Events).ToList()))]);
    }

    public static MultiStreamDecision Decide(OrderState order, CancelOrder command, DateTimeOffset now)
    {
        if (!order.Exists) return new Refusal(OrderNotFound, "The order does not exist.");
        if (order.Status == OrderStatus.Cancelled) return MultiStreamDecision.Nothing;
        if (Required(command.Reason, InvalidReason, "A reason") is { } r1) return r1;
        var at = command.CancelledAt ?? now;
        if (NotInFuture(at, now, "Cancellation time") is { } r2) return r2;
        if (at < order.PlacedAt) return new Refusal(BeforeOrder, $"Cancellation time ({Stamp(at)}) is before the order ({Stamp(order.PlacedAt)}).");
        if (order.Delivered.Count > 0)
            return new Refusal(OrderHasDeliveries, "Items have been delivered against the order; it can no longer be cancelled.");
        return MultiStreamDecision.Accept(
        [
            new StreamEvents(StreamIds.Order(order.OrderId), [new OrderCancelled(order.OrderId, command.Reason.Trim(), at)]),
            .. order.Allocated.Select(i => new StreamEvents(StreamIds.Item(i), [new ItemReleasedFromOrder(i, order.OrderId, at)])),
        ]);
    }

    private static Refusal? Open(OrderState order) => order.Status switch
    {
        OrderStatus.NotPlaced => new Refusal(OrderNotFound, "The order does not exist."),
        OrderStatus.Cancelled => new Refusal(RefusalCodes.OrderCancelled, "The order has been cancelled."),
        _ => null,
    };
}
