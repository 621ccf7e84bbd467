using FluentAssertions;
using SecondChance.Domain.Facilities;
using SecondChance.Domain.Inmates;
using SecondChance.Domain.Programmes;
using SecondChance.Domain.Tests.Support;
using SecondChance.Domain.Ventures;
using static SecondChance.Domain.Tests.Support.F;
using static SecondChance.Domain.Tests.Support.Spec;

namespace SecondChance.Domain.Tests;

public class VentureSpecs
{
    private static readonly Guid VentureId = Id(600);
    private static readonly Guid GrantId = Id(601);
    private static readonly Guid RepaymentId = Id(602);
    private static readonly Guid ItProgrammeId = Id(201);
    private static readonly FacilityState Karachi = GivenFacility(Facility()).State;
    private static readonly DateTimeOffset CertifiedAt = AdmittedAt.AddDays(40);
    private static readonly DateTimeOffset ProposedAt = Now.AddDays(-30);
    private static readonly DateTimeOffset ApprovedAt = Now.AddDays(-25);
    private static readonly DateTimeOffset AwardedAt = Now.AddDays(-20);

    private static SkillCertified Certified(Guid inmate, string number, Guid? programme = null) =>
        new(inmate, programme ?? ProgrammeId, "Truck art", "Level 2", "TEVTA", number, CertifiedAt);

    private static InmateState Founder(Guid id, string number, params object[] more) =>
        GivenInmate([Admitted(id, number: $"KHI-{number}"), Certified(id, number), .. more]).State;

    private static readonly Dictionary<Guid, ProgrammeState> Programmes = new()
    {
        [ProgrammeId] = GivenProgramme(ProgrammeOpened()).State,
        [ItProgrammeId] = GivenProgramme(ProgrammeOpened() with { ProgrammeId = ItProgrammeId, Craft = Craft.IT }).State,
    };

    private static readonly ProposeVenture Propose = new(VentureId, FacilityId, "Rang Truck Art Studio", "Painted panels for transporters",
        [new VentureFounder(InmateId, "C-1")], "Khyber Welfare Society", null, ProposedAt);

    private static Then Proposing(ProposeVenture command, params InmateState[] founders) =>
        Given(VentureState.Initial, VentureState.Evolve).When(v => VentureDecider.Decide(v, Karachi,
            (founders.Length > 0 ? founders : [Founder(InmateId, "C-1")]).ToDictionary(i => i.InmateId), Programmes, command, Now));

    private static VentureProposed Proposed() => new(VentureId, FacilityId, "Rang Truck Art Studio", VentureKind.Craft,
        "Painted panels for transporters", [new VentureFounder(InmateId, "C-1")], "Khyber Welfare Society", null, ProposedAt);

    private static VentureApproved Approved() => new(VentureId, "Superintendent", ApprovedAt);

    private static SeedGrantAwarded Granted(long amount = 5_000_000) => new(VentureId, FacilityId, GrantId, amount, "PKR", AwardedAt);

    private static Given<VentureState> GivenVenture(params object[] events) => Given(VentureState.Initial, VentureState.Evolve, events);

    private static VentureFundState Fund(params long[] credits) =>
        Given(VentureFundState.Initial, VentureFundState.Evolve,
            credits.Select((c, i) => (object)new VentureFundCredited(FacilityId, Id(700 + i), c, "PKR", "Provincial allocation", Now.AddDays(-60))).ToArray()).State;

    private static readonly AwardSeedGrant Award = new(FacilityId, VentureId, GrantId, 5_000_000, null, AwardedAt);

    private static ThenMulti Awarding(AwardSeedGrant command, VentureFundState fund, params object[] venture) =>
        GivenVenture(venture).When(v => VentureDecider.Decide(v, fund, Karachi, command, Now));

    private static readonly RecordVentureRepayment Repay = new(FacilityId, VentureId, RepaymentId, RepaymentKind.Repayment, 1_000_000, "PKR", Now.AddDays(-5));

    private static ThenMulti Repaying(RecordVentureRepayment command, params object[] venture) =>
        GivenVenture(venture).When(v => VentureDecider.Decide(v, Fund(), Karachi, command, Now));

    [Fact]
    public void A_certified_inmate_in_custody_proposes_a_craft_venture() =>
        Proposing(Propose).ThenEmits(Proposed());

    [Fact]
    public void A_founder_certified_in_an_it_programme_makes_it_an_it_venture()
    {
        var it = GivenInmate(Admitted(SecondMakerId, number: "KHI-IT"), Certified(SecondMakerId, "IT-1", ItProgrammeId)).State;
        Proposing(Propose with { Founders = [new(InmateId, "C-1"), new(SecondMakerId, "IT-1")] }, Founder(InmateId, "C-1"), it)
            .Decision.Events.OfType<VentureProposed>().Single().Kind.Should().Be(VentureKind.IT);
    }

    [Fact]
    public void Five_founders_may_propose_and_six_may_not()
    {
        var six = Enumerable.Range(0, 6).Select(i => Founder(Id(800 + i), $"C-{i}")).ToArray();
        Proposing(Propose with { Founders = [.. six.Take(5).Select(f => new VentureFounder(f.InmateId, f.CertificateNumbers.Single()))] }, six)
            .Decision.IsRefused.Should().BeFalse();
        Proposing(Propose with { Founders = [.. six.Select(f => new VentureFounder(f.InmateId, f.CertificateNumbers.Single()))] }, six)
            .ThenRefused(RefusalCodes.InvalidFounders);
    }

    [Fact]
    public void A_venture_without_founders_or_with_a_founder_named_twice_is_refused()
    {
        Proposing(Propose with { Founders = [] }).ThenRefused(RefusalCodes.InvalidFounders);
        Proposing(Propose with { Founders = [new(InmateId, "C-1"), new(InmateId, "C-1")] }).ThenRefused(RefusalCodes.InvalidFounders);
    }

    [Fact]
    public void A_founder_without_that_certificate_or_with_it_revoked_is_refused()
    {
        Proposing(Propose with { Founders = [new(InmateId, "C-9")] }).ThenRefused(RefusalCodes.FounderNotCertified);
        Proposing(Propose, Founder(InmateId, "C-1", new CertificateRevoked(InmateId, "C-1", "Void", CertifiedAt.AddDays(1))))
            .ThenRefused(RefusalCodes.FounderNotCertified);
    }

    [Fact]
    public void A_proposal_dated_before_the_founder_was_certified_is_refused() =>
        Proposing(Propose with { ProposedAt = CertifiedAt.AddTicks(-1) }).ThenRefused(RefusalCodes.FounderNotCertified);

    [Fact]
    public void A_released_founder_cannot_propose() =>
        Proposing(Propose, Founder(InmateId, "C-1", new InmateReleased(InmateId, FacilityId, ProposedAt.AddDays(-1), "Sentence served")))
            .ThenRefused(RefusalCodes.InmateIsReleased);

    [Fact]
    public void An_unknown_founder_is_refused() =>
        Proposing(Propose with { Founders = [new(Id(999), "C-1")] }).ThenRefused(RefusalCodes.InmateNotFound);

    [Fact]
    public void A_founder_held_at_another_facility_is_refused() =>
        Proposing(Propose, Founder(InmateId, "C-1", new InmateTransferred(InmateId, FacilityId, OtherFacilityId, "X-1", CertifiedAt.AddDays(1))))
            .ThenRefused(RefusalCodes.WrongFacility);

    [Fact]
    public void A_proposal_at_an_unknown_facility_is_refused() =>
        Proposing(Propose with { FacilityId = OtherFacilityId }).ThenRefused(RefusalCodes.FacilityNotFound);

    [Fact]
    public void A_proposal_needs_a_name_a_plan_and_a_mentoring_organisation()
    {
        Proposing(Propose with { Name = " " }).ThenRefused(RefusalCodes.InvalidName);
        Proposing(Propose with { BusinessPlan = "" }).ThenRefused(RefusalCodes.InvalidField);
        Proposing(Propose with { MentorOrganisation = "" }).ThenRefused(RefusalCodes.InvalidName);
    }

    [Fact]
    public void A_proposal_in_the_future_or_before_admission_is_refused()
    {
        Proposing(Propose with { ProposedAt = TooLate }).ThenRefused(RefusalCodes.DateInFuture);
        Proposing(Propose with { ProposedAt = AdmittedAt.AddTicks(-1) }).ThenRefused(RefusalCodes.BeforeAdmission);
    }

    [Fact]
    public void A_venture_is_proposed_once() =>
        GivenVenture(Proposed()).When(v => VentureDecider.Decide(v, Karachi, new Dictionary<Guid, InmateState> { [InmateId] = Founder(InmateId, "C-1") },
            Programmes, Propose, Now)).ThenRefused(RefusalCodes.VentureAlreadyProposed);

    [Fact]
    public void Approval_follows_the_proposal_and_not_before_it()
    {
        GivenVenture(Proposed()).When(v => VentureDecider.Decide(v, new ApproveVenture(FacilityId, VentureId, "Superintendent", ApprovedAt), Now))
            .ThenEmits(Approved());
        GivenVenture(Proposed()).When(v => VentureDecider.Decide(v, new ApproveVenture(FacilityId, VentureId, "Superintendent", ProposedAt.AddTicks(-1)), Now))
            .ThenRefused(RefusalCodes.EndsBeforeStart);
        GivenVenture(Proposed(), Approved()).When(v => VentureDecider.Decide(v, new ApproveVenture(FacilityId, VentureId, "Superintendent", ApprovedAt), Now))
            .ThenRefused(RefusalCodes.VentureStepOutOfOrder);
    }

    [Fact]
    public void A_declined_venture_gets_no_grant_and_no_milestone()
    {
        var declined = new VentureDeclined(VentureId, "No market", "Superintendent", ApprovedAt);
        GivenVenture(Proposed()).When(v => VentureDecider.Decide(v, new DeclineVenture(FacilityId, VentureId, "No market", "Superintendent", ApprovedAt), Now))
            .ThenEmits(declined);
        Awarding(Award, Fund(10_000_000), Proposed(), declined).ThenRefused(RefusalCodes.VentureStepOutOfOrder);
        GivenVenture(Proposed(), declined).When(v => VentureDecider.Decide(v, new RecordVentureMilestone(FacilityId, VentureId, VentureMilestone.FirstSale, Now), Now))
            .ThenRefused(RefusalCodes.VentureStepOutOfOrder);
    }

    [Fact]
    public void Declining_needs_a_reason() =>
        GivenVenture(Proposed()).When(v => VentureDecider.Decide(v, new DeclineVenture(FacilityId, VentureId, " ", "Superintendent", ApprovedAt), Now))
            .ThenRefused(RefusalCodes.InvalidReason);

    [Fact]
    public void A_venture_of_another_facility_or_an_unknown_one_is_not_found()
    {
        GivenVenture(Proposed()).When(v => VentureDecider.Decide(v, new ApproveVenture(OtherFacilityId, VentureId, "Superintendent", ApprovedAt), Now))
            .ThenRefused(RefusalCodes.VentureNotFound);
        GivenVenture().When(v => VentureDecider.Decide(v, new CloseVenture(FacilityId, VentureId, "Gone", Now), Now))
            .ThenRefused(RefusalCodes.VentureNotFound);
    }

    [Fact]
    public void A_grant_that_empties_the_fund_exactly_is_paid_on_both_streams() =>
        Awarding(Award, Fund(3_000_000, 2_000_000), Proposed(), Approved()).ThenEmits(
            new StreamEvents(StreamIds.Venture(VentureId), [Granted()]),
            new StreamEvents(StreamIds.VentureFund(FacilityId), [new SeedGrantPaidOut(FacilityId, GrantId, VentureId, 5_000_000, "PKR", AwardedAt)]));

    [Fact]
    public void A_grant_one_paisa_more_than_the_fund_holds_is_refused_naming_the_balance()
    {
        var refused = Awarding(Award with { AmountMinor = 5_000_001 }, Fund(5_000_000), Proposed(), Approved());
        refused.ThenRefused(RefusalCodes.FundInsufficient);
        refused.Decision.Refusal!.Message.Should().Contain("PKR 50,000.00");
        Awarding(Award, Fund(), Proposed(), Approved()).ThenRefused(RefusalCodes.FundInsufficient);
    }

    [Fact]
    public void A_retried_grant_changes_nothing_and_a_second_grant_is_refused()
    {
        Awarding(Award, Fund(10_000_000), Proposed(), Approved(), Granted()).ThenNothing();
        Awarding(Award with { PostingId = Id(603) }, Fund(10_000_000), Proposed(), Approved(), Granted()).ThenRefused(RefusalCodes.GrantAlreadyAwarded);
    }

    [Fact]
    public void A_grant_or_repayment_under_a_posting_id_the_fund_already_holds_is_refused()
    {
        var fund = Given(VentureFundState.Initial, VentureFundState.Evolve,
            new VentureFundCredited(FacilityId, GrantId, 10_000_000, "PKR", "Allocation", Now.AddDays(-60))).State;
        Awarding(Award, fund, Proposed(), Approved()).ThenRefused(RefusalCodes.InvalidField);
        GivenVenture(Proposed(), Approved(), Granted()).When(v => VentureDecider.Decide(v,
                Given(VentureFundState.Initial, VentureFundState.Evolve, new VentureFundCredited(FacilityId, RepaymentId, 1, "PKR", "x", Now)).State,
                Karachi, Repay, Now))
            .ThenRefused(RefusalCodes.InvalidField);
    }

    [Fact]
    public void A_grant_before_approval_or_dated_before_it_is_refused()
    {
        Awarding(Award, Fund(10_000_000), Proposed()).ThenRefused(RefusalCodes.VentureStepOutOfOrder);
        Awarding(Award with { AwardedAt = ApprovedAt.AddTicks(-1) }, Fund(10_000_000), Proposed(), Approved()).ThenRefused(RefusalCodes.EndsBeforeStart);
        Awarding(Award with { AwardedAt = TooLate }, Fund(10_000_000), Proposed(), Approved()).ThenRefused(RefusalCodes.DateInFuture);
    }

    [Fact]
    public void A_grant_of_no_money_or_in_another_currency_is_refused()
    {
        Awarding(Award with { AmountMinor = 0 }, Fund(10_000_000), Proposed(), Approved()).ThenRefused(RefusalCodes.InvalidAmount);
        Awarding(Award with { AmountMinor = -1 }, Fund(10_000_000), Proposed(), Approved()).ThenRefused(RefusalCodes.InvalidAmount);
        Awarding(Award with { Currency = "USD" }, Fund(10_000_000), Proposed(), Approved()).ThenRefused(RefusalCodes.CurrencyMismatch);
        Awarding(Award with { Currency = "rupees" }, Fund(10_000_000), Proposed(), Approved()).ThenRefused(RefusalCodes.InvalidCurrency);
    }

    [Fact]
    public void Milestones_come_in_any_order_each_once_and_after_release_too()
    {
        var registered = new VentureMilestoneReached(VentureId, VentureMilestone.Registered, Now.AddDays(-2));
        GivenVenture(Proposed(), Approved(), Granted()).When(v => VentureDecider.Decide(v,
                new RecordVentureMilestone(FacilityId, VentureId, VentureMilestone.FirstMonthProfitable, Now.AddDays(-3)), Now))
            .ThenEmits(new VentureMilestoneReached(VentureId, VentureMilestone.FirstMonthProfitable, Now.AddDays(-3)));
        GivenVenture(Proposed(), Approved(), registered).When(v => VentureDecider.Decide(v,
                new RecordVentureMilestone(FacilityId, VentureId, VentureMilestone.Registered, Now), Now))
            .ThenRefused(RefusalCodes.MilestoneAlreadyReached);
    }

    [Fact]
    public void A_milestone_before_approval_is_refused()
    {
        GivenVenture(Proposed()).When(v => VentureDecider.Decide(v, new RecordVentureMilestone(FacilityId, VentureId, VentureMilestone.FirstSale, Now), Now))
            .ThenRefused(RefusalCodes.VentureStepOutOfOrder);
        GivenVenture(Proposed(), Approved()).When(v => VentureDecider.Decide(v,
                new RecordVentureMilestone(FacilityId, VentureId, VentureMilestone.FirstSale, ApprovedAt.AddTicks(-1)), Now))
            .ThenRefused(RefusalCodes.EndsBeforeStart);
        GivenVenture(Proposed(), Approved()).When(v => VentureDecider.Decide(v,
                new RecordVentureMilestone(FacilityId, VentureId, VentureMilestone.FirstSale, ApprovedAt), Now))
            .Decision.IsRefused.Should().BeFalse();
    }

    [Fact]
    public void A_repayment_goes_back_to_the_fund_on_both_streams() =>
        Repaying(Repay, Proposed(), Approved(), Granted()).ThenEmits(
            new StreamEvents(StreamIds.Venture(VentureId), [new VentureRepaid(VentureId, FacilityId, RepaymentId, RepaymentKind.Repayment, 1_000_000, "PKR", Repay.RepaidAt!.Value)]),
            new StreamEvents(StreamIds.VentureFund(FacilityId),
                [new VentureRepaymentReceived(FacilityId, RepaymentId, VentureId, RepaymentKind.Repayment, 1_000_000, "PKR", Repay.RepaidAt!.Value)]));

    [Fact]
    public void Repayments_up_to_the_grant_exactly_are_taken_and_one_paisa_more_is_a_profit_share()
    {
        var repaid = new VentureRepaid(VentureId, FacilityId, Id(610), RepaymentKind.Repayment, 4_000_000, "PKR", Now.AddDays(-6));
        Repaying(Repay, Proposed(), Approved(), Granted(), repaid).Decision.IsRefused.Should().BeFalse();
        Repaying(Repay with { AmountMinor = 1_000_001 }, Proposed(), Approved(), Granted(), repaid).ThenRefused(RefusalCodes.RepaymentExceedsGrant);
        Repaying(Repay with { AmountMinor = 9_000_000, Kind = RepaymentKind.ProfitShare }, Proposed(), Approved(), Granted(), repaid)
            .Decision.IsRefused.Should().BeFalse();
    }

    [Fact]
    public void Nothing_is_paid_back_before_a_grant_nor_dated_before_it_and_a_retry_changes_nothing()
    {
        Repaying(Repay, Proposed(), Approved()).ThenRefused(RefusalCodes.VentureStepOutOfOrder);
        Repaying(Repay with { RepaidAt = AwardedAt.AddTicks(-1) }, Proposed(), Approved(), Granted()).ThenRefused(RefusalCodes.EndsBeforeStart);
        Repaying(Repay, Proposed(), Approved(), Granted(),
            new VentureRepaid(VentureId, FacilityId, RepaymentId, RepaymentKind.Repayment, 1_000_000, "PKR", Now.AddDays(-5))).ThenNothing();
    }

    [Fact]
    public void A_closed_venture_takes_no_more_steps_but_may_still_repay()
    {
        var closed = new VentureClosed(VentureId, "Founders moved on", Now.AddDays(-4));
        GivenVenture(Proposed(), Approved(), Granted()).When(v => VentureDecider.Decide(v, new CloseVenture(FacilityId, VentureId, "Founders moved on", Now.AddDays(-4)), Now))
            .ThenEmits(closed);
        GivenVenture(Proposed(), Approved(), Granted(), closed).When(v => VentureDecider.Decide(v,
                new RecordVentureMilestone(FacilityId, VentureId, VentureMilestone.FirstSale, Now), Now))
            .ThenRefused(RefusalCodes.VentureClosed);
        Repaying(Repay with { RepaidAt = Now }, Proposed(), Approved(), Granted(), closed).Decision.IsRefused.Should().BeFalse();
    }

    [Fact]
    public void Closure_is_not_dated_before_the_last_step()
    {
        var milestone = new VentureMilestoneReached(VentureId, VentureMilestone.FirstSale, Now.AddDays(-1));
        GivenVenture(Proposed(), Approved(), milestone).When(v => VentureDecider.Decide(v, new CloseVenture(FacilityId, VentureId, "Done", Now.AddDays(-2)), Now))
            .ThenRefused(RefusalCodes.EndsBeforeStart);
    }

    [Fact]
    public void The_fund_takes_credits_in_its_currency_once_per_posting()
    {
        var credit = new CreditVentureFund(FacilityId, PostingId, 10_000_000, null, "Provincial allocation", Now.AddDays(-1));
        Given(VentureFundState.Initial, VentureFundState.Evolve).When(f => VentureFundDecider.Decide(f, Karachi, credit, Now))
            .ThenEmits(new VentureFundCredited(FacilityId, PostingId, 10_000_000, "PKR", "Provincial allocation", Now.AddDays(-1)));
        Given(VentureFundState.Initial, VentureFundState.Evolve, new VentureFundCredited(FacilityId, PostingId, 10_000_000, "PKR", "x", Now))
            .When(f => VentureFundDecider.Decide(f, Karachi, credit, Now)).ThenNothing();
        Given(VentureFundState.Initial, VentureFundState.Evolve).When(f => VentureFundDecider.Decide(f, Karachi, credit with { Currency = "USD" }, Now))
            .ThenRefused(RefusalCodes.CurrencyMismatch);
        Given(VentureFundState.Initial, VentureFundState.Evolve).When(f => VentureFundDecider.Decide(f, Karachi, credit with { AmountMinor = 0 }, Now))
            .ThenRefused(RefusalCodes.InvalidAmount);
        Given(VentureFundState.Initial, VentureFundState.Evolve).When(f => VentureFundDecider.Decide(f, Karachi, credit with { Source = "" }, Now))
            .ThenRefused(RefusalCodes.InvalidField);
        Given(VentureFundState.Initial, VentureFundState.Evolve).When(f => VentureFundDecider.Decide(f, Karachi, credit with { FacilityId = OtherFacilityId }, Now))
            .ThenRefused(RefusalCodes.FacilityNotFound);
    }

    [Fact]
    public void The_fund_balance_is_credits_less_grants_plus_money_back()
    {
        var fund = Given(VentureFundState.Initial, VentureFundState.Evolve,
            new VentureFundCredited(FacilityId, Id(1), 7_000_000, "PKR", "Allocation", Now),
            new SeedGrantPaidOut(FacilityId, GrantId, VentureId, 5_000_000, "PKR", Now),
            new VentureRepaymentReceived(FacilityId, RepaymentId, VentureId, RepaymentKind.ProfitShare, 250_000, "PKR", Now)).State;
        fund.Balance.Should().Be(2_250_000);
        (fund.CreditedMinor, fund.GrantedMinor, fund.ReturnedMinor).Should().Be((7_000_000, 5_000_000, 250_000));
    }

    private static Partners.PartnerState Mentor(Partners.PartnerRole role, DateOnly mouEnds) =>
        Given(Partners.PartnerState.Initial, Partners.PartnerState.Evolve,
            new Partners.PartnerRegistered(Id(600), "Kaarvan Crafts Foundation", Partners.PartnerKind.Ngo, [role], ProposedAt.AddDays(-100)),
            new Partners.MemorandumSigned(Id(600), Id(601), FacilityId, "Mentoring ventures", new DateOnly(2025, 1, 1), mouEnds, "A", "B",
                ProposedAt.AddDays(-90))).State;

    [Fact]
    public void Partner_named_as_mentor_must_mentor_startups_under_a_memorandum_in_force_on_the_proposal_day()
    {
        var named = Propose with { MentorPartnerId = Id(600) };
        var day = DateOnly.FromDateTime(ProposedAt.ToOffset(TimeSpan.FromHours(5)).DateTime);
        Given(VentureState.Initial, VentureState.Evolve).When(v => VentureDecider.Decide(v, Karachi,
                new[] { Founder(InmateId, "C-1") }.ToDictionary(i => i.InmateId), Programmes, named, Now, Mentor(Partners.PartnerRole.StartupMentor, day)))
            .Decision.IsRefused.Should().BeFalse();
        Given(VentureState.Initial, VentureState.Evolve).When(v => VentureDecider.Decide(v, Karachi,
                new[] { Founder(InmateId, "C-1") }.ToDictionary(i => i.InmateId), Programmes, named, Now, Mentor(Partners.PartnerRole.StartupMentor, day.AddDays(-1))))
            .ThenRefused(RefusalCodes.NoMemorandumInForce);
        Given(VentureState.Initial, VentureState.Evolve).When(v => VentureDecider.Decide(v, Karachi,
                new[] { Founder(InmateId, "C-1") }.ToDictionary(i => i.InmateId), Programmes, named, Now, Mentor(Partners.PartnerRole.Buyer, day)))
            .ThenRefused(RefusalCodes.PartnerRoleMissing);
        Proposing(named).ThenRefused(RefusalCodes.PartnerNotFound);
    }
}
