using SecondChance.Domain.Inmates;
using SecondChance.Domain.Tests.Support;
using static SecondChance.Domain.Tests.Support.F;
using static SecondChance.Domain.Tests.Support.Spec;

namespace SecondChance.Domain.Tests;

public class ReleaseSpecs
{
    private static readonly InmateReleased Released = new(InmateId, FacilityId, Now.AddDays(-2), "Sentence served");

    [Fact]
    public void Release_is_planned_for_an_expected_date() =>
        GivenInmate(Admitted()).When(s => InmateDecider.Decide(s, new PlanRelease(InmateId, new DateOnly(2026, 9, 1)), Now))
            .ThenEmits(new ReleasePlanned(InmateId, new DateOnly(2026, 9, 1), Now));

    [Fact]
    public void Release_plan_is_recorded_at_when_it_was_made() =>
        GivenInmate(Admitted()).When(s => InmateDecider.Decide(s, new PlanRelease(InmateId, new DateOnly(2026, 9, 1), AdmittedAt.AddDays(3)), Now))
            .ThenEmits(new ReleasePlanned(InmateId, new DateOnly(2026, 9, 1), AdmittedAt.AddDays(3)));

    [Fact]
    public void Release_plan_cannot_be_made_before_admission() =>
        GivenInmate(Admitted()).When(s => InmateDecider.Decide(s, new PlanRelease(InmateId, new DateOnly(2026, 9, 1), AdmittedAt.AddDays(-3)), Now))
            .ThenRefused(RefusalCodes.BeforeAdmission);

    [Fact]
    public void Replanning_the_same_date_changes_nothing() =>
        GivenInmate(Admitted(), new ReleasePlanned(InmateId, new DateOnly(2026, 9, 1)))
            .When(s => InmateDecider.Decide(s, new PlanRelease(InmateId, new DateOnly(2026, 9, 1)), Now)).ThenNothing();

    [Fact]
    public void Release_plan_carries_the_savings_payout_and_the_follow_up_contact() =>
        GivenInmate(Admitted()).When(s => InmateDecider.Decide(s,
                new PlanRelease(InmateId, new DateOnly(2026, 9, 1), null, SavingsPayoutPlan.BankTransfer, new DateOnly(2026, 9, 15)), Now))
            .ThenEmits(new ReleasePlanned(InmateId, new DateOnly(2026, 9, 1), Now, SavingsPayoutPlan.BankTransfer, new DateOnly(2026, 9, 15)));

    [Fact]
    public void Adding_a_payout_plan_to_the_same_date_is_a_new_plan() =>
        GivenInmate(Admitted(), new ReleasePlanned(InmateId, new DateOnly(2026, 9, 1)))
            .When(s => InmateDecider.Decide(s, new PlanRelease(InmateId, new DateOnly(2026, 9, 1), null, SavingsPayoutPlan.CashAtRelease), Now))
            .ThenEmits(new ReleasePlanned(InmateId, new DateOnly(2026, 9, 1), Now, SavingsPayoutPlan.CashAtRelease));

    [Fact]
    public void A_follow_up_contact_on_or_before_the_release_date_is_refused() =>
        GivenInmate(Admitted()).When(s => InmateDecider.Decide(s,
                new PlanRelease(InmateId, new DateOnly(2026, 9, 1), null, null, new DateOnly(2026, 9, 1)), Now))
            .ThenRefused(RefusalCodes.FollowUpBeforeRelease);

    [Fact]
    public void Planned_release_cannot_be_before_admission() =>
        GivenInmate(Admitted()).When(s => InmateDecider.Decide(s, new PlanRelease(InmateId, new DateOnly(2020, 1, 1)), Now))
            .ThenRefused(RefusalCodes.ReleaseBeforeAdmission);

    [Fact]
    public void Inmate_is_released() =>
        GivenInmate(Admitted()).When(s => InmateDecider.Decide(s, new ReleaseInmate(InmateId, Now.AddDays(-2), "Sentence served"), Now))
            .ThenEmits(Released);

    [Fact]
    public void Release_needs_admission() =>
        GivenInmate().When(s => InmateDecider.Decide(s, new ReleaseInmate(InmateId, Now, "Bail"), Now))
            .ThenRefused(RefusalCodes.InmateNotFound);

    [Fact]
    public void Inmate_cannot_be_released_twice() =>
        GivenInmate(Admitted(), Released).When(s => InmateDecider.Decide(s, new ReleaseInmate(InmateId, Now, "Bail"), Now))
            .ThenRefused(RefusalCodes.AlreadyReleased);

    [Fact]
    public void Release_cannot_precede_admission() =>
        GivenInmate(Admitted()).When(s => InmateDecider.Decide(s, new ReleaseInmate(InmateId, AdmittedAt.AddDays(-1), "Bail"), Now))
            .ThenRefused(RefusalCodes.ReleaseBeforeAdmission);

    [Fact]
    public void Release_cannot_be_in_the_future() =>
        GivenInmate(Admitted()).When(s => InmateDecider.Decide(s, new ReleaseInmate(InmateId, TooLate, "Bail"), Now))
            .ThenRefused(RefusalCodes.DateInFuture);

    [Fact]
    public void Release_needs_a_reason() =>
        GivenInmate(Admitted()).When(s => InmateDecider.Decide(s, new ReleaseInmate(InmateId, Now, ""), Now))
            .ThenRefused(RefusalCodes.InvalidReason);

    [Fact]
    public void Release_while_enrolled_is_refused_so_the_seat_is_freed_first() =>
        GivenInmate(Admitted(), Enrolled()).When(s => InmateDecider.Decide(s, new ReleaseInmate(InmateId, Now, "Bail"), Now))
            .ThenRefused(RefusalCodes.ActiveEnrolment);

    [Fact]
    public void Release_cannot_be_planned_after_release() =>
        GivenInmate(Admitted(), Released).When(s => InmateDecider.Decide(s, new PlanRelease(InmateId, new DateOnly(2026, 9, 1)), Now))
            .ThenRefused(RefusalCodes.InmateIsReleased);

    [Fact]
    public void Follow_up_after_release_is_recorded() =>
        GivenInmate(Admitted(), Released)
            .When(s => InmateDecider.Decide(s, new RecordPostReleaseFollowUp(InmateId, Now, EmploymentStatus.SelfEmployed,
                HousingStatus.WithFamily, ContactOutcome.Reached, "Runs a truck-art stall"), Now))
            .ThenEmits(new PostReleaseFollowUpRecorded(InmateId, Now, EmploymentStatus.SelfEmployed, HousingStatus.WithFamily,
                ContactOutcome.Reached, "Runs a truck-art stall"));

    [Fact]
    public void Follow_up_before_release_is_refused() =>
        GivenInmate(Admitted())
            .When(s => InmateDecider.Decide(s, new RecordPostReleaseFollowUp(InmateId, Now, EmploymentStatus.Unknown,
                HousingStatus.Unknown, ContactOutcome.NotReached, ""), Now))
            .ThenRefused(RefusalCodes.InmateNotReleased);

    [Fact]
    public void Follow_up_dated_before_the_release_is_refused() =>
        GivenInmate(Admitted(), Released)
            .When(s => InmateDecider.Decide(s, new RecordPostReleaseFollowUp(InmateId, Released.ReleasedAt.AddDays(-1), EmploymentStatus.Unknown,
                HousingStatus.Unknown, ContactOutcome.NotReached, ""), Now))
            .ThenRefused(RefusalCodes.BeforeRelease);
}
