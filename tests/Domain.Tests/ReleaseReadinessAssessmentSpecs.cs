using FluentAssertions;
using SecondChance.Domain.Inmates;
using static SecondChance.Domain.Tests.Support.F;

namespace SecondChance.Domain.Tests;

public class ReleaseReadinessAssessmentSpecs
{
    private static readonly DateOnly Today = new(2026, 3, 1);

    private static PlanGoal Goal(int n, PlanGoalKind kind, DateOnly target) => new(Id(700 + n), kind, $"goal {n}", target, "Welfare officer");

    private static ReadinessFacts Facts(params (PlanGoal, PlanGoalOutcome?)[] goals) => new(true, 50_000, true, true, true, goals);

    [Fact]
    public void Journey_with_skill_savings_plan_mentor_and_follow_up_and_housing_and_work_achieved_is_ready_in_every_item()
    {
        var checks = ReleaseReadinessAssessment.Assess(Facts(
            (Goal(1, PlanGoalKind.HousingAfterRelease, Today.AddDays(10)), PlanGoalOutcome.Achieved),
            (Goal(2, PlanGoalKind.WorkAfterRelease, Today.AddDays(20)), PlanGoalOutcome.Achieved)), Today);
        checks.Select(c => c.Item).Should().Equal("certified_skill", "savings", "mentor", "follow_up", "housing", "work");
        checks.Should().OnlyContain(c => c.Status == ReleaseReadinessAssessment.Met);
    }

    [Fact]
    public void Savings_without_a_payout_plan_or_a_plan_without_savings_is_missing()
    {
        ReleaseReadinessAssessment.Assess(Facts() with { SavingsPayoutPlanned = false }, Today).Single(c => c.Item == "savings").Status.Should().Be("missing");
        ReleaseReadinessAssessment.Assess(Facts() with { SavingsMinor = 0 }, Today).Single(c => c.Item == "savings").Status.Should().Be("missing");
    }

    [Fact]
    public void Housing_and_work_without_a_goal_for_them_are_missing() =>
        ReleaseReadinessAssessment.Assess(Facts(), Today).Where(c => c.Item is "housing" or "work").Should()
            .OnlyContain(c => c.Status == "missing").And.HaveCount(2);

    [Fact]
    public void Goal_not_reviewed_is_on_track_to_its_target_date_and_behind_the_day_after()
    {
        var due = Goal(3, PlanGoalKind.Literacy, Today);
        ReleaseReadinessAssessment.Assess(Facts((due, null)), Today).Single(c => c.GoalId == due.GoalId).Status.Should().Be("on_track");
        ReleaseReadinessAssessment.Assess(Facts((due, null)), Today.AddDays(1)).Single(c => c.GoalId == due.GoalId).Status.Should().Be("behind");
    }

    [Fact]
    public void Goal_takes_its_latest_review_whatever_its_date()
    {
        var goal = Goal(4, PlanGoalKind.Health, Today.AddDays(-5));
        ReleaseReadinessAssessment.Assess(Facts((goal, PlanGoalOutcome.OnTrack)), Today).Single(c => c.GoalId == goal.GoalId).Status.Should().Be("on_track");
        ReleaseReadinessAssessment.Assess(Facts((goal, PlanGoalOutcome.Dropped)), Today).Single(c => c.GoalId == goal.GoalId).Status.Should().Be("dropped");
        ReleaseReadinessAssessment.Assess(Facts((goal, PlanGoalOutcome.Behind)), Today.AddDays(-30)).Single(c => c.GoalId == goal.GoalId)
            .Status.Should().Be("behind");
    }
}
