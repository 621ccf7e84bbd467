using FluentAssertions;
using SecondChance.Domain.Compliance;
using SecondChance.Domain.Facilities;
using SecondChance.Domain.Inmates;
using SecondChance.Domain.Tests.Support;
using static SecondChance.Domain.Tests.Support.F;
using static SecondChance.Domain.Tests.Support.Spec;

namespace SecondChance.Domain.Tests;

/// <summary>Drawing up and reviewing a rehabilitation plan, and plan_missing one minute either side of its limit.</summary>
public class RehabilitationPlanSpecs
{
    private static readonly Guid GoalId = Id(700);
    private static readonly PlanGoal Goal = new(GoalId, PlanGoalKind.Skill, "Level 2 in tailoring", DateOnly.FromDateTime(Now.UtcDateTime).AddMonths(6), "Instructor Rubina");
    private static readonly DateTimeOffset PlanAt = Now.AddDays(-1);

    private static Then Plan(LegalStatus status, params PlanGoal[] goals) =>
        GivenInmate(Admitted(status: status)).When(s => InmateDecider.Decide(s, new DrawUpRehabilitationPlan(InmateId, goals, "Welfare officer", PlanAt), Now));

    [Fact]
    public void A_sentenced_inmate_gets_a_plan_with_its_goals() =>
        Plan(LegalStatus.Convicted, Goal).ThenEmits(new RehabilitationPlanDrawnUp(InmateId, [Goal], "Welfare officer", PlanAt));

    [Fact]
    public void An_inmate_on_remand_gets_no_plan() =>
        Plan(LegalStatus.Remand, Goal).ThenRefused(RefusalCodes.PlanForSentencedOnly);

    [Fact]
    public void A_plan_needs_a_goal() => Plan(LegalStatus.Convicted).ThenRefused(RefusalCodes.InvalidField);

    [Fact]
    public void A_goal_cannot_be_due_before_the_plan() =>
        Plan(LegalStatus.Convicted, Goal with { TargetDate = DateOnly.FromDateTime(PlanAt.UtcDateTime).AddDays(-1) }).ThenRefused(RefusalCodes.InvalidDate);

    [Fact]
    public void A_goal_of_the_plan_is_reviewed() =>
        GivenInmate(Admitted(status: LegalStatus.Convicted), new RehabilitationPlanDrawnUp(InmateId, [Goal], "Welfare officer", PlanAt))
            .When(s => InmateDecider.Decide(s, new ReviewPlanGoal(InmateId, GoalId, PlanGoalOutcome.OnTrack, "Attends daily", "Welfare officer", Now), Now))
            .ThenEmits(new PlanGoalReviewed(InmateId, GoalId, PlanGoalOutcome.OnTrack, "Attends daily", "Welfare officer", Now));

    [Fact]
    public void A_goal_not_in_the_plan_cannot_be_reviewed() =>
        GivenInmate(Admitted(status: LegalStatus.Convicted), new RehabilitationPlanDrawnUp(InmateId, [Goal], "Welfare officer", PlanAt))
            .When(s => InmateDecider.Decide(s, new ReviewPlanGoal(InmateId, Id(701), PlanGoalOutcome.OnTrack, "Attends daily", "Welfare officer", Now), Now))
            .ThenRefused(RefusalCodes.GoalNotFound);

    private static FacilityState Karachi() => GivenFacility(Facility()).State;

    private static IReadOnlyList<ComplianceFinding> PlanFindings(DateTimeOffset asOf, params object[] more) =>
        PlanFindings(LegalStatus.Convicted, asOf, more);

    private static IReadOnlyList<ComplianceFinding> PlanFindings(LegalStatus admittedAs, DateTimeOffset asOf, params object[] more)
    {
        var events = new object[] { Admitted(status: admittedAs) }.Concat(more).ToList();
        var facts = events.Select((e, i) => new RecordedEvent("inmate-1", i + 1, EffectiveTime.Of(e) ?? AdmittedAt, e))
            .Aggregate(InmateComplianceFacts.Initial, InmateComplianceFacts.Evolve);
        var karachi = Karachi();
        return ComplianceRules.Evaluate(facts, id => id == FacilityId ? karachi : null, asOf).Where(f => f.RuleCode == "plan_missing").ToList();
    }

    private static RehabilitationPlanDrawnUp DrawnAt(DateTimeOffset at) => new(InmateId, [Goal with { TargetDate = DateOnly.FromDateTime(at.UtcDateTime).AddMonths(3) }], "Welfare officer", at);

    [Fact]
    public void Without_a_plan_exactly_30_days_after_conviction_there_is_no_finding() =>
        PlanFindings(AdmittedAt.AddDays(30)).Should().BeEmpty();

    [Fact]
    public void Without_a_plan_30_days_and_a_minute_after_conviction_the_finding_is_open()
    {
        var finding = PlanFindings(AdmittedAt.AddDays(30).AddMinutes(1)).Should().ContainSingle().Subject;
        finding.IsOpen.Should().BeTrue();
        finding.PeriodStart.Should().Be(AdmittedAt);
        finding.Evidence.Should().ContainSingle();
    }

    [Fact]
    public void A_plan_a_minute_late_closes_the_finding_and_one_a_minute_early_leaves_none()
    {
        var late = PlanFindings(AdmittedAt.AddDays(60), DrawnAt(AdmittedAt.AddDays(30).AddMinutes(1))).Should().ContainSingle().Subject;
        late.IsOpen.Should().BeFalse();
        late.PeriodEnd.Should().Be(AdmittedAt.AddDays(30).AddMinutes(1));
        late.Evidence.Should().HaveCount(2);
        PlanFindings(AdmittedAt.AddDays(60), DrawnAt(AdmittedAt.AddDays(30).AddMinutes(-1))).Should().BeEmpty();
    }

    [Fact]
    public void For_an_inmate_convicted_after_admission_the_clock_starts_at_conviction()
    {
        var convicted = new LegalStatusChanged(InmateId, LegalStatus.Remand, LegalStatus.Convicted, AdmittedAt.AddDays(20), "Sessions Court judgment");
        PlanFindings(LegalStatus.Remand, AdmittedAt.AddDays(50), convicted).Should().BeEmpty();
        PlanFindings(LegalStatus.Remand, AdmittedAt.AddDays(50).AddMinutes(1), convicted).Should().ContainSingle()
            .Which.PeriodStart.Should().Be(AdmittedAt.AddDays(20));
    }

    [Fact]
    public void An_inmate_on_remand_never_has_a_plan_missing() =>
        PlanFindings(LegalStatus.Remand, AdmittedAt.AddDays(90)).Should().BeEmpty();
}
