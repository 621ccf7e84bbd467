using SecondChance.Domain.Facilities;
using SecondChance.Domain.Inmates;
using SecondChance.Domain.Proceeds;
using static SecondChance.Domain.Inmates.InmateGuards;
using static SecondChance.Domain.RefusalCodes;

namespace SecondChance.Domain.Wages;

/// <summary>
/// Ledger rules: postings are immutable, a posting id is applied at most once (a repeat is a no-op), no posting
/// drives a sub-account negative, and a wrong posting is undone only by a reversing posting.
/// </summary>
public static class WageAccountDecider
{
    public static Decision Decide(WageAccountState account, InmateState inmate, FacilityState facility, CreditWage command, DateTimeOffset now)
    {
        if (account.HasPosting(command.PostingId)) return Decision.Nothing;
        if (InCustody(inmate) is { } r1) return r1;
        if (CheckMoney(account, command.AmountMinor, command.Currency) is { } r2) return r2;
        if (NotInFuture(command.CreditedAt, now, "Credit time") is { } r3) return r3;
        if (!facility.Registered || facility.FacilityId != inmate.FacilityId)
            return Decision.Refuse(WrongFacility, "The facility is not where the inmate is held.");
        if (facility.PolicyInForce(facility.LocalDate(command.CreditedAt)) is not { } policy)
            return Decision.Refuse(NoProceedsPolicy, "The facility has no savings policy in force on that date.");

        var split = ProceedsSplitter.SplitCredit(command.AmountMinor, policy);
        return Decision.Accept(new WageCredited(inmate.InmateId, command.PostingId, command.Kind, command.AmountMinor,
            split.Spendable, split.Savings, split.Family, command.Currency, command.Description.Trim(), command.CreditedAt));
    }

    public static Decision Decide(WageAccountState account, DeductFromWages command, DateTimeOffset now)
    {
        if (account.HasPosting(command.PostingId)) return Decision.Nothing;
        if (CheckMoney(account, command.AmountMinor, command.Currency) is { } r1) return r1;
        if (Required(command.Reason, InvalidReason, "A reason for the deduction") is { } r2) return r2;
        if (NotInFuture(command.PostedAt, now, "Posting time") is { } r3) return r3;
        if (account.Spendable < command.AmountMinor)
            return Decision.Refuse(InsufficientFunds, "The deduction would overdraw the spendable account.");
        return Decision.Accept(new DeductionPosted(
            command.InmateId, command.PostingId, command.AmountMinor, command.Currency, command.Reason.Trim(), command.PostedAt));
    }

    public static Decision Decide(WageAccountState account, RemitToFamily command, DateTimeOffset now)
    {
        if (account.HasPosting(command.PostingId)) return Decision.Nothing;
        if (CheckMoney(account, command.AmountMinor, command.Currency) is { } r1) return r1;
        if (Required(command.Recipient, InvalidName, "The recipient") is { } r2) return r2;
        if (NotInFuture(command.SentAt, now, "Remittance time") is { } r3) return r3;
        if (command.From == WageSubAccount.Savings)
            return Decision.Refuse(InvalidField, "Savings are held for release and cannot be remitted.");
        var available = command.From == WageSubAccount.Family ? account.Family : account.Spendable;
        if (available < command.AmountMinor)
            return Decision.Refuse(InsufficientFunds, $"The remittance would overdraw the {command.From} account.");
        return Decision.Accept(new FamilyRemittanceSent(command.InmateId, command.PostingId, command.From,
            command.AmountMinor, command.Currency, command.Recipient.Trim(), command.SentAt));
    }

    public static Decision Decide(WageAccountState account, InmateState inmate, PayOutAtRelease command, DateTimeOffset now)
    {
        if (account.HasPosting(command.PostingId)) return Decision.Nothing;
        if (Exists(inmate) is { } r1) return r1;
        if (!inmate.IsReleased) return Decision.Refuse(InmateNotReleased, "Savings are paid out at release.");
        if (NotInFuture(command.PaidAt, now, "Payout time") is { } r2) return r2;
        if (account.PaidOut) return Decision.Refuse(AlreadyPaidOut, "The account has already been paid out.");
        if (account.Spendable + account.Savings <= 0) return Decision.Refuse(NothingToPayOut, "There is nothing to pay out.");
        return Decision.Accept(new ReleasePayoutMade(
            inmate.InmateId, command.PostingId, account.Spendable, account.Savings, account.Currency, command.PaidAt));
    }

    public static Decision Decide(WageAccountState account, ReversePosting command, DateTimeOffset now)
    {
        if (account.HasPosting(command.PostingId)) return Decision.Nothing;
        if (Required(command.Reason, InvalidReason, "A reason for the reversal") is { } r1) return r1;
        if (NotInFuture(command.ReversedAt, now, "Reversal time") is { } r2) return r2;
        if (!account.Postings.TryGetValue(command.ReversedPostingId, out var original))
            return Decision.Refuse(PostingNotFound, "The account has no such posting.");
        if (original.IsReversal) return Decision.Refuse(CannotReverseReversal, "A reversal cannot itself be reversed.");
        if (original.Reversed) return Decision.Refuse(PostingAlreadyReversed, "The posting has already been reversed.");
        var reversal = original.Negated();
        if (!account.CanApply(reversal))
            return Decision.Refuse(InsufficientFunds, "Reversing the posting would overdraw a sub-account.");
        return Decision.Accept(new PostingReversed(account.InmateId, command.PostingId, command.ReversedPostingId,
            reversal.Spendable, reversal.Savings, reversal.Family, account.Currency, command.Reason.Trim(), command.ReversedAt));
    }

    internal static Refusal? CheckMoney(WageAccountState account, long amount, string currency)
    {
        if (amount <= 0) return new Refusal(InvalidAmount, "The amount must be positive.");
        if (!Money.IsCurrencyCode(currency)) return new Refusal(InvalidCurrency, "Currency must be an ISO 4217 code such as PKR.");
        if (account.Currency.Length > 0 && account.Currency != currency)
            return new Refusal(InvalidCurrency, $"The account is kept in {account.Currency}.");
        return null;
    }
}
