using SecondChance.Domain.Facilities;
using static SecondChance.Domain.Inmates.InmateGuards;
using static SecondChance.Domain.RefusalCodes;

namespace SecondChance.Domain.Ventures;

/// <summary>
/// A facility's venture fund, kept in the facility's currency. Money comes in by allocation or donation (here), goes out
/// only as seed grants and comes back as repayments or profit shares (<see cref="VentureDecider"/>); a posting id is
/// applied once, so a repeated credit changes nothing.
/// </summary>
public static class VentureFundDecider
{
    public static Decision Decide(VentureFundState fund, FacilityState facility, CreditVentureFund c, DateTimeOffset now)
    {
        if (!facility.Registered || facility.FacilityId != c.FacilityId) return Decision.Refuse(FacilityNotFound, "No facility has this id.");
        if (fund.HasPosting(c.PostingId)) return Decision.Nothing;
        if (CheckMoney(facility, c.AmountMinor, c.Currency) is { } r1) return r1;
        if (Required(c.Source, InvalidField, "Where the money came from") is { } r2) return r2;
        var at = c.CreditedAt ?? now;
        if (NotInFuture(at, now, "Credit time") is { } r3) return r3;
        return Decision.Accept(new VentureFundCredited(c.FacilityId, c.PostingId, c.AmountMinor, facility.Currency, c.Source.Trim(), at));
    }

    internal static Refusal? CheckMoney(FacilityState facility, long amount, string? currency)
    {
        if (amount <= 0) return new Refusal(InvalidAmount, "The amount must be positive.");
        if (currency is not null && !Money.IsCurrencyCode(currency)) return new Refusal(InvalidCurrency, "Currency must be an ISO 4217 code such as PKR.");
        if (currency is not null && currency != facility.Currency)
            return new Refusal(CurrencyMismatch, $"The venture fund is kept in {facility.Currency}, the facility's currency; an amount in {currency} is refused.");
        return null;
    }
}
