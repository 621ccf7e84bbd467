using SecondChance.Domain.Inmates;
using SecondChance.Domain.Programmes;
using static SecondChance.Domain.Inmates.InmateGuards;
using static SecondChance.Domain.RefusalCodes;

namespace SecondChance.Domain.Items;

public static class ItemDecider
{
    public static Decision Decide(
        ItemState item, ProgrammeState programme, IReadOnlyDictionary<Guid, InmateState> makers, ProduceItem command, DateTimeOffset now)
    {
        if (Required(command.Description, InvalidField, "A description") is { } r1) return r1;
        if (command.Makers is null || command.Makers.Count == 0) return Decision.Refuse(InvalidField, "An item has at least one maker.");
        if (command.Makers.Any(m => m.MinutesWorked <= 0)) return Decision.Refuse(InvalidHours, "Each maker's work must be positive.");
        if (command.Makers.Select(m => m.InmateId).Distinct().Count() != command.Makers.Count)
            return Decision.Refuse(InvalidField, "Each maker is listed once.");
        if (command.MaterialsCostMinor < 0) return Decision.Refuse(InvalidAmount, "Materials cost cannot be negative.");
        if (!Money.IsCurrencyCode(command.Currency)) return Decision.Refuse(InvalidCurrency, "Currency must be an ISO 4217 code.");
        var at = command.ProducedAt ?? now;
        if (NotInFuture(at, now, "Production time") is { } r2) return r2;
        if (item.Exists)
            return item.ItemId == command.ItemId ? Decision.Nothing : Decision.Refuse(ItemAlreadyProduced, "The item already exists.");
        if (!programme.Opened || programme.ProgrammeId != command.ProgrammeId)
            return Decision.Refuse(ProgrammeNotFound, "The programme does not exist.");
        if (programme.FacilityId != command.FacilityId)
            return Decision.Refuse(ProgrammeAtAnotherFacility, "The programme runs at another facility.");

        foreach (var maker in command.Makers)
        {
            var inmate = makers.GetValueOrDefault(maker.InmateId) ?? InmateState.Initial;
            if (InCustody(inmate) is { } r3) return r3;
            if (inmate.FacilityId != command.FacilityId
                || inmate.EnrolmentIn(programme.ProgrammeId) is not (EnrolmentStatus.Active or EnrolmentStatus.Completed))
                return Decision.Refuse(MakerNotEligible, $"Inmate {maker.InmateId} is not in this programme at this facility.");
            if (Happened(inmate, at, now, $"Production time for maker {maker.InmateId}") is { } r4) return r4;
        }

        return Decision.Accept(new ItemProduced(command.ItemId, command.FacilityId, command.ProgrammeId, command.Description.Trim(),
            command.Craft, command.Makers.ToList(), command.MaterialsCostMinor, command.Currency, at));
    }

    public static Decision Decide(ItemState item, ListItem command, DateTimeOffset now)
    {
        if (!item.Exists) return Decision.Refuse(ItemNotFound, "The item does not exist.");
        if (command.PriceMinor <= 0) return Decision.Refuse(InvalidAmount, "The price must be positive.");
        if (!Money.IsCurrencyCode(command.Currency)) return Decision.Refuse(InvalidCurrency, "Currency must be an ISO 4217 code.");
        var at = command.ListedAt ?? now;
        if (AfterProduction(item, at, now, "Listing time") is { } r1) return r1;
        if (item.WasSold) return Decision.Refuse(ItemAlreadySold, "The item has been sold.");
        if (OnOrder(item) is { } r2) return r2;
        if (item.Status == ItemStatus.Listed && item.PriceMinor == command.PriceMinor && item.Currency == command.Currency)
            return Decision.Nothing;
        return Decision.Accept(new ItemListed(item.ItemId, command.PriceMinor, command.Currency, at));
    }

    public static Decision Decide(ItemState item, ShowItem command, DateTimeOffset now)
    {
        if (!item.Exists) return Decision.Refuse(ItemNotFound, "The item does not exist.");
        if (Required(command.Venue, InvalidField, "The exhibition or marketplace") is { } r1) return r1;
        var at = command.ShownAt ?? now;
        if (AfterProduction(item, at, now, "Showing time") is { } r2) return r2;
        if (item.WasSold) return Decision.Refuse(ItemAlreadySold, "The item has been sold.");
        if (OnOrder(item) is { } r3) return r3;
        if (item.Status != ItemStatus.Listed) return Decision.Refuse(ItemNotListed, "Only a listed item can be shown.");
        return Decision.Accept(new ItemShown(item.ItemId, command.Channel, command.Venue.Trim(), at));
    }

    public static Decision Decide(ItemState item, WithdrawItem command, DateTimeOffset now)
    {
        if (!item.Exists) return Decision.Refuse(ItemNotFound, "The item does not exist.");
        if (Required(command.Reason, InvalidReason, "A reason") is { } r1) return r1;
        var at = command.WithdrawnAt ?? now;
        if (AfterProduction(item, at, now, "Withdrawal time") is { } r2) return r2;
        if (item.WasSold) return Decision.Refuse(ItemAlreadySold, "The item has been sold.");
        if (OnOrder(item) is { } r3) return r3;
        if (item.Status == ItemStatus.Withdrawn) return Decision.Nothing;
        return Decision.Accept(new ItemWithdrawn(item.ItemId, command.Reason.Trim(), at));
    }

    /// <summary>The makers' share-of-sale postings are undone separately, by reversing postings.</summary>
    public static Decision Decide(ItemState item, ReturnItem command, DateTimeOffset now)
    {
        if (!item.Exists) return Decision.Refuse(ItemNotFound, "The item does not exist.");
        if (Required(command.Reason, InvalidReason, "A reason") is { } r1) return r1;
        var at = command.ReturnedAt ?? now;
        if (AfterProduction(item, at, now, "Return time") is { } r2) return r2;
        if (!item.WasSold || item.SaleId != command.SaleId) return Decision.Refuse(ItemNotSold, "The item was not sold in this sale.");
        if (item.Status == ItemStatus.Returned) return Decision.Nothing;
        return Decision.Accept(new ItemReturned(item.ItemId, command.SaleId, command.Reason.Trim(), at));
    }

    private static Refusal? OnOrder(ItemState item) =>
        item.OrderId is not null
            ? new Refusal(ItemOnOrder, "The item is set aside for a partner's order; cancel the order to free it.")
            : null;

    /// <summary>Something that happened to the item: not in the future, and not before it was made.</summary>
    internal static Refusal? AfterProduction(ItemState item, DateTimeOffset at, DateTimeOffset now, string what) =>
        NotInFuture(at, now, what)
        ?? (at < item.ProducedAt
            ? new Refusal(BeforeProduction, $"{what} ({Stamp(at)}) is before the item was made ({Stamp(item.ProducedAt)}).")
            : null);
}
