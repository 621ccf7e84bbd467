using FluentAssertions;
using SecondChance.Domain.Inmates;

namespace SecondChance.Domain.Tests;

public sealed class ReleaseReadinessSpecs
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Release = new(2026, 6, 30);
    private static DateTimeOffset Midnight(DateOnly d) => new(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    [Fact]
    public void A_release_far_ahead_is_reminded_of_90_and_30_days_before_at_midnight_utc() =>
        ReleaseReadiness.Reminders(Release, Now).Should().Equal((90, Midnight(Release.AddDays(-90))), (30, Midnight(Release.AddDays(-30))));

    [Fact]
    public void A_plan_made_60_days_before_reminds_of_the_90_day_point_at_once_and_of_the_30_day_point_on_its_day() =>
        ReleaseReadiness.Reminders(DateOnly.FromDateTime(Now.UtcDateTime).AddDays(60), Now)
            .Should().Equal((90, Now), (30, Midnight(DateOnly.FromDateTime(Now.UtcDateTime).AddDays(30))));

    [Fact]
    public void A_plan_made_10_days_before_reminds_once_at_once_and_a_date_passed_not_at_all()
    {
        ReleaseReadiness.Reminders(DateOnly.FromDateTime(Now.UtcDateTime).AddDays(10), Now).Should().Equal((30, Now));
        ReleaseReadiness.Reminders(DateOnly.FromDateTime(Now.UtcDateTime), Now).Should().BeEmpty();
    }

    [Fact]
    public void Missing_names_each_readiness_item_not_in_place()
    {
        var unready = InmateState.Initial with { Status = InmateStatus.Admitted };
        ReleaseReadiness.Missing(unready).Should().Equal("mentor", "savings_payout_plan", "follow_up_contact");
        ReleaseReadiness.Missing(unready with { MentorId = Guid.NewGuid(), SavingsPayout = SavingsPayoutPlan.BankTransfer })
            .Should().Equal("follow_up_contact");
        ReleaseReadiness.Missing(unready with { MentorId = Guid.NewGuid(), SavingsPayout = SavingsPayoutPlan.ToFamily, FollowUpPlannedOn = Release.AddDays(7) })
            .Should().BeEmpty();
    }
}
