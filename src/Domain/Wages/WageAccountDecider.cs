using SecondChance.Domain.Facilities;
using SecondChance.Domain.Inmates;
using SecondChance.Domain.Proceeds;
using static SecondChance.Domain.Inmates.InmateGuards;
using static SecondChance.Domain.RefusalCodes;

namespace SecondChance.Domain.Wages;

/// <summary>
/// Ledger rules: postings are immutable, a posting id is applied at most once (a repeat is a no-op), no posting
/// drives a sub-account negative, and a wrong posting is undone only by a reversing posting. An account is kept in
/// the currency of the facility the inmate was admitted to; a posting in another currency is refused.
/// </summary>
public static class WageAccountDecider
{
    public static Decision Decide(WageAccountState account, InmateState inmate, FacilityState facility, CreditWage command, DateTimeOffset now)
    {
        if (account.HasPosting(command.PostingId)) return Decision.Nothing;
        if (InCustody(inmate) is { } r1) return r1;
        var currency = command.Currency ?? inmate.Currency;
        if (CheckMoney(inmate, command.AmountMinor, currency) is { } r2) return r2;
        var at = command.CreditedAt ?? now;
        if (Happened(inmate, at, now, "Credit time") is { } r3) return r3;
        if (!facility.Registered || facility.FacilityId != inmate.FacilityId)
            return Decision.Refuse(WrongFacility, "The facility is not where the inmate is held.");
        if (facility.PolicyInForce(facility.LocalDate(at)) is not { } policy)
            return Decision.Refuse(NoProceedsPolicy, "The facility has no savings policy in force on that date.");

        var split = ProceedsSplitter.SplitCredit(command.AmountMinor, policy);
        return Decision.Accept(new WageCredited(inmate.InmateId, command.PostingId, command.Kind, command.AmountMinor,
            split.Spendable, split.Savings, split.Family, currency, command.Description.Trim(), at));
    }

    public static Decision Decide(WageAccountState account, InmateState inmate, DeductFromWages command, DateTimeOffset now)
    {
        if (account.HasPosting(command.PostingId)) return Decision.Nothing;
        if (Exists(inmate) is { } r0) return r0;
        var currency = command.Currency ?? inmate.Currency;
        if (CheckMoney(inmate, command.AmountMinor, currency) is { } r1) return r1;
        if (Required(command.Reason, InvalidReason, "A reason for the deduction") is { } r2) return r2;
        var at = command.PostedAt ?? now;
        if (Happened(inmate, at, now, "Posting time") is { } r3) return r3;
        if (account.Spendable < command.AmountMinor)
            return Decision.Refuse(InsufficientFunds, "The deduction would overdraw the spendable account.");
        return Decision.Accept(new DeductionPosted(
            command.InmateId, command.PostingId, command.AmountMinor, currency, command.Reason.Trim(), at));
    }

    public static Decision Decide(WageAccountState account, InmateState inmate, RemitToFamily command, DateTimeOffset now)
    {
        if (account.HasPosting(command.PostingId)) return Decision.Nothing;
        if (Exists(inmate) is { } r0) return r0;
        var currency = command.Currency ?? inmate.Currency;
        if (CheckMoney(inmate, command.AmountMinor, currency) is { } r1) return r1;
        if (Required(command.Recipient, InvalidName, "The recipient") is { } r2) return r2;
        var at = command.SentAt ?? now;
        if (Happened(inmate, at, now, "Remittance time") is { } r3) return r3;
        if (command.From == WageSubAccount.Savings)
            return Decision.Refuse(InvalidField, "Savings are held for release and cannot be remitted.");
        var available = command.From == WageSubAccount.Family ? account.Family : account.Spendable;
        if (available < command.AmountMinor)
            return Decision.Refuse(InsufficientFunds, $"The remittance would overdraw the {command.From} account.");
        return Decision.Accept(new FamilyRemittanceSent(command.InmateId, command.PostingId, command.From,
            command.AmountMinor, currency, command.Recipient.Trim(), at));
    }

    public static Decision Decide(WageAccountState account, InmateState inmate, PayOutAtRelease command, DateTimeOffset now)
    {
        if (account.HasPosting(command.PostingId)) return Decision.Nothing;
        if (Exists(inmate) is { } r1) return r1;
        if (!inmate.IsReleased) return Decision.Refuse(InmateNotReleased, "Savings are paid out at release.");
        var at = command.PaidAt ?? now;
        if (Happened(inmate, at, now, "Payout time") is { } r2) return r2;
        if (inmate.ReleasedAt is { } released && at < released)
            return Decision.Refuse(BeforeRelease, $"Payout time ({Stamp(at)}) is before the inmate's release ({Stamp(released)}).");
        if (account.PaidOut) return Decision.Refuse(AlreadyPaidOut, "The account has already been paid out.");
        if (account.Spendable + account.Savings <= 0) return Decision.Refuse(NothingToPayOut, "There is nothing to pay out.");
        return Decision.Accept(new ReleasePayoutMade(
            inmate.InmateId, command.PostingId, account.Spendable, account.Savings, inmate.Currency, at));
    }

    public static Decision Decide(WageAccountState account, InmateState inmate, ReversePosting command, DateTimeOffset now)
    {
        if (account.HasPosting(command.PostingId)) return Decision.Nothing;
        if (Exists(inmate) is { } r0) return r0;
        if (Required(command.Reason, InvalidReason, "A reason for the reversal") is { } r1) return r1;
        var at = command.ReversedAt ?? now;
        if (Happened(inmate, at, now, "Reversal time") is { } r2) return r2;
        if (!account.Postings.TryGetValue(command.ReversedPostingId, out var original))
            return Decision.Refuse(PostingNotFound, "The account has no such posting.");
        if (original.IsReversal) return Decision.Refuse(CannotReverseReversal, "A reversal cannot itself be reversed.");
        if (original.Reversed) return Decision.Refuse(PostingAlreadyReversed, "The posting has already been reversed.");
        var reversal = original.Negated();
        if (!account.CanApply(reversal))
            return Decision.Refuse(InsufficientFunds, "Reversing the posting would overdraw a sub-account.");
        // a reversal is in the reversed posting's own currency, so a posting once accepted in error undoes exactly
        return Decision.Accept(new PostingReversed(account.InmateId, command.PostingId, command.ReversedPostingId,
            reversal.Spendable, reversal.Savings, reversal.Family, reversal.Currency, command.Reason.Trim(), at));
    }

    internal static Refusal? CheckMoney(InmateState inmate, long amount, string currency)
    {
        if (amount <= 0) return new Refusal(InvalidAmount, "The amount must be positive.");
        if (!Money.IsCurrencyCode(currency)) return new Refusal(InvalidCurrency, "Currency must be an ISO 4217 code such as PKR.");
        if (currency != inmate.Currency)
            return new Refusal(CurrencyMismatch,
                $"The wage account is kept in {inmate.Currency}, the currency of the facility the inmate was admitted to; a posting in {currency} is refused.");
        return null;
    }
}
