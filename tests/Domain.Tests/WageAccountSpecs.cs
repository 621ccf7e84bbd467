using FluentAssertions;
using SecondChance.Domain.Facilities;
using SecondChance.Domain.Inmates;
using SecondChance.Domain.Tests.Support;
using SecondChance.Domain.Wages;
using static SecondChance.Domain.Tests.Support.F;
using static SecondChance.Domain.Tests.Support.Spec;

namespace SecondChance.Domain.Tests;

public class WageAccountSpecs
{
    private static readonly FacilityState Karachi = GivenFacility(Facility()).State;
    private static readonly InmateState InCustody = GivenInmate(Admitted()).State;
    private static readonly InmateState Released = GivenInmate(Admitted(), new InmateReleased(InmateId, FacilityId, Now.AddDays(-1), "Served")).State;
    private static readonly DateTimeOffset At = Now.AddHours(-1);
    private static readonly Guid Next = Id(501);

    private static readonly WageCredited Wage = new(InmateId, PostingId, WageKind.PieceWork, 10_001, 7_501, 2_500, 0, "PKR", "February piece-work", At);

    private static Then Crediting(CreditWage command, InmateState? inmate = null, params object[] history) =>
        GivenWageAccount(history).When(a => WageAccountDecider.Decide(a, inmate ?? InCustody, Karachi, command, Now));

    private static readonly CreditWage Credit = new(InmateId, PostingId, WageKind.PieceWork, 10_001, "PKR", "February piece-work", At);

    [Fact]
    public void Wage_credit_puts_the_savings_rate_into_savings_held_for_release() => Crediting(Credit).ThenEmits(Wage);

    [Fact]
    public void Repeated_posting_id_is_a_no_op() => Crediting(Credit, null, Wage).ThenNothing();

    [Fact]
    public void Credit_must_be_positive() => Crediting(Credit with { AmountMinor = 0 }).ThenRefused(RefusalCodes.InvalidAmount);

    [Fact]
    public void Credit_in_another_currency_than_the_facility_at_admission_is_refused_even_as_the_first_posting() =>
        Crediting(Credit with { Currency = "USD" }).ThenRefused(RefusalCodes.CurrencyMismatch);

    [Fact]
    public void Credit_in_a_malformed_currency_is_refused() =>
        Crediting(Credit with { Currency = "rupees" }).ThenRefused(RefusalCodes.InvalidCurrency);

    [Fact]
    public void Credit_without_a_currency_is_in_the_accounts_currency() =>
        Crediting(Credit with { Currency = null }).ThenEmits(Wage);

    [Fact]
    public void Account_is_kept_in_the_currency_of_the_facility_the_inmate_was_admitted_to()
    {
        var dubai = GivenFacility(new FacilityRegistered(FacilityId, "Al Awir", "AWR", "Asia/Dubai", false, "AED"), Policy(new DateOnly(2025, 1, 1))).State;
        var admitted = InmateDecider.Decide(InmateState.Initial, PrisonerNumberReservation.Initial, dubai, Admit(), Now).EventsFor(StreamIds.Inmate(InmateId));
        var inmate = GivenInmate([.. admitted]).State;
        GivenWageAccount().When(a => WageAccountDecider.Decide(a, inmate, dubai, Credit with { Currency = null }, Now))
            .ThenEmits(Wage with { Currency = "AED" });
        GivenWageAccount().When(a => WageAccountDecider.Decide(a, inmate, dubai, Credit, Now)).ThenRefused(RefusalCodes.CurrencyMismatch);
    }

    [Fact]
    public void A_stored_posting_in_another_currency_once_reversed_does_not_lock_the_account()
    {
        var dollars = Wage with { Currency = "USD" };
        var reversal = new PostingReversed(InmateId, Next, PostingId, -7_501, -2_500, 0, "USD", "Typo: rupees meant", At);
        GivenWageAccount(dollars).When(a => WageAccountDecider.Decide(a, InCustody, new ReversePosting(InmateId, Next, PostingId, "Typo: rupees meant", At), Now))
            .ThenEmits(reversal);
        Crediting(Credit with { PostingId = Id(502) }, null, dollars, reversal).ThenEmits(Wage with { PostingId = Id(502) });
    }

    [Fact]
    public void Credit_dated_before_admission_is_refused() =>
        Crediting(Credit with { CreditedAt = AdmittedAt.AddDays(-1) }).ThenRefused(RefusalCodes.BeforeAdmission);

    [Fact]
    public void Deduction_in_another_currency_is_refused() =>
        GivenWageAccount(Wage).When(a => WageAccountDecider.Decide(a, InCustody, new DeductFromWages(InmateId, Next, 1, "USD", "Canteen", At), Now))
            .ThenRefused(RefusalCodes.CurrencyMismatch);

    [Fact]
    public void No_wages_for_an_inmate_not_admitted() => Crediting(Credit, InmateState.Initial).ThenRefused(RefusalCodes.InmateNotFound);

    [Fact]
    public void No_wage_credit_without_a_savings_policy_in_force() =>
        GivenWageAccount().When(a => WageAccountDecider.Decide(a, InCustody, GivenFacility(FacilityRegistered()).State, Credit, Now))
            .ThenRefused(RefusalCodes.NoProceedsPolicy);

    [Fact]
    public void Wage_credit_uses_the_inmates_own_facility() =>
        GivenWageAccount().When(a => WageAccountDecider.Decide(a, InCustody, FacilityState.Initial, Credit, Now))
            .ThenRefused(RefusalCodes.WrongFacility);

    [Fact]
    public void Credit_cannot_be_in_the_future() => Crediting(Credit with { CreditedAt = TooLate }).ThenRefused(RefusalCodes.DateInFuture);

    [Fact]
    public void Deduction_comes_from_spendable() =>
        GivenWageAccount(Wage).When(a => WageAccountDecider.Decide(a, InCustody, new DeductFromWages(InmateId, Next, 7_501, "PKR", "Damaged tools", At), Now))
            .ThenEmits(new DeductionPosted(InmateId, Next, 7_501, "PKR", "Damaged tools", At));

    [Fact]
    public void No_deduction_drives_spendable_negative() =>
        GivenWageAccount(Wage).When(a => WageAccountDecider.Decide(a, InCustody, new DeductFromWages(InmateId, Next, 7_502, "PKR", "Fine", At), Now))
            .ThenRefused(RefusalCodes.InsufficientFunds);

    [Fact]
    public void Deduction_needs_a_reason() =>
        GivenWageAccount(Wage).When(a => WageAccountDecider.Decide(a, InCustody, new DeductFromWages(InmateId, Next, 1, "PKR", " ", At), Now))
            .ThenRefused(RefusalCodes.InvalidReason);

    [Fact]
    public void Remittance_to_family_comes_from_the_chosen_sub_account() =>
        GivenWageAccount(Wage)
            .When(a => WageAccountDecider.Decide(a, InCustody, new RemitToFamily(InmateId, Next, 5_000, "PKR", "Mother, Lyari", At, WageSubAccount.Spendable), Now))
            .ThenEmits(new FamilyRemittanceSent(InmateId, Next, WageSubAccount.Spendable, 5_000, "PKR", "Mother, Lyari", At));

    [Fact]
    public void Remittance_cannot_overdraw_the_family_sub_account() =>
        GivenWageAccount(Wage).When(a => WageAccountDecider.Decide(a, InCustody, new RemitToFamily(InmateId, Next, 1, "PKR", "Mother", At), Now))
            .ThenRefused(RefusalCodes.InsufficientFunds);

    [Fact]
    public void Savings_held_for_release_cannot_be_remitted() =>
        GivenWageAccount(Wage)
            .When(a => WageAccountDecider.Decide(a, InCustody, new RemitToFamily(InmateId, Next, 1, "PKR", "Mother", At, WageSubAccount.Savings), Now))
            .ThenRefused(RefusalCodes.InvalidField);

    [Fact]
    public void Payout_at_release_pays_spendable_and_savings() =>
        GivenWageAccount(Wage).When(a => WageAccountDecider.Decide(a, Released, new PayOutAtRelease(InmateId, Next, Now), Now))
            .ThenEmits(new ReleasePayoutMade(InmateId, Next, 7_501, 2_500, "PKR", Now));

    [Fact]
    public void No_payout_twice() =>
        GivenWageAccount(Wage, new ReleasePayoutMade(InmateId, Next, 7_501, 2_500, "PKR", Now),
                Wage with { PostingId = Id(502), CreditedAt = Now })
            .When(a => WageAccountDecider.Decide(a, Released, new PayOutAtRelease(InmateId, Id(503), Now), Now))
            .ThenRefused(RefusalCodes.AlreadyPaidOut);

    [Fact]
    public void No_payout_before_release() =>
        GivenWageAccount(Wage).When(a => WageAccountDecider.Decide(a, InCustody, new PayOutAtRelease(InmateId, Next, Now), Now))
            .ThenRefused(RefusalCodes.InmateNotReleased);

    [Fact]
    public void Payout_dated_before_the_release_is_refused() =>
        GivenWageAccount(Wage).When(a => WageAccountDecider.Decide(a, Released, new PayOutAtRelease(InmateId, Next, Now.AddDays(-2)), Now))
            .ThenRefused(RefusalCodes.BeforeRelease);

    [Fact]
    public void Empty_account_has_nothing_to_pay_out() =>
        GivenWageAccount().When(a => WageAccountDecider.Decide(a, Released, new PayOutAtRelease(InmateId, Next, Now), Now))
            .ThenRefused(RefusalCodes.NothingToPayOut);

    [Fact]
    public void Reversal_undoes_exactly_the_amounts_of_the_named_posting() =>
        GivenWageAccount(Wage).When(a => WageAccountDecider.Decide(a, InCustody, new ReversePosting(InmateId, Next, PostingId, "Wrong inmate", Now), Now))
            .ThenEmits(new PostingReversed(InmateId, Next, PostingId, -7_501, -2_500, 0, "PKR", "Wrong inmate", Now));

    [Fact]
    public void Posting_is_reversed_at_most_once() =>
        GivenWageAccount(Wage, new PostingReversed(InmateId, Next, PostingId, -7_501, -2_500, 0, "PKR", "r", Now))
            .When(a => WageAccountDecider.Decide(a, InCustody, new ReversePosting(InmateId, Id(502), PostingId, "Again", Now), Now))
            .ThenRefused(RefusalCodes.PostingAlreadyReversed);

    [Fact]
    public void Reversal_cannot_itself_be_reversed() =>
        GivenWageAccount(Wage, new PostingReversed(InmateId, Next, PostingId, -7_501, -2_500, 0, "PKR", "r", Now))
            .When(a => WageAccountDecider.Decide(a, InCustody, new ReversePosting(InmateId, Id(502), Next, "Undo", Now), Now))
            .ThenRefused(RefusalCodes.CannotReverseReversal);

    [Fact]
    public void Reversal_of_an_unknown_posting_is_refused() =>
        GivenWageAccount(Wage).When(a => WageAccountDecider.Decide(a, InCustody, new ReversePosting(InmateId, Next, Id(999), "r", Now), Now))
            .ThenRefused(RefusalCodes.PostingNotFound);

    [Fact]
    public void Reversal_that_would_drive_a_sub_account_negative_is_refused() =>
        GivenWageAccount(Wage, new DeductionPosted(InmateId, Next, 7_000, "PKR", "Fine", At))
            .When(a => WageAccountDecider.Decide(a, InCustody, new ReversePosting(InmateId, Id(502), PostingId, "r", Now), Now))
            .ThenRefused(RefusalCodes.InsufficientFunds);

    [Fact]
    public void Reversing_a_payout_restores_the_balances_and_allows_a_new_payout()
    {
        var state = GivenWageAccount(Wage, new ReleasePayoutMade(InmateId, Next, 7_501, 2_500, "PKR", Now),
            new PostingReversed(InmateId, Id(502), Next, 7_501, 2_500, 0, "PKR", "Cheque bounced", Now)).State;
        state.Should().Match<WageAccountState>(s => s.Spendable == 7_501 && s.Savings == 2_500 && !s.PaidOut);
    }
}
