using static SecondChance.Domain.RefusalCodes;
using static SecondChance.Domain.Inmates.InmateGuards;

namespace SecondChance.Domain.Inmates;

public static partial class InmateDecider
{
    public const int MaxPlanGoals = 20;

    /// <summary>A plan for a convicted inmate in custody: one to twenty goals, each with its target date on or after the plan's day.</summary>
    public static Decision Decide(InmateState inmate, DrawUpRehabilitationPlan command, DateTimeOffset now)
    {
        if (InCustody(inmate) is { } r1) return r1;
        if (inmate.LegalStatus != LegalStatus.Convicted)
            return Decision.Refuse(PlanForSentencedOnly, "A rehabilitation plan is drawn up for a sentenced (convicted) inmate.");
        if (Required(command.DrawnUpBy, InvalidName, "Who drew up the plan") is { } r2) return r2;
        var at = command.DrawnUpAt ?? now;
        if (Happened(inmate, at, now, "The plan's time") is { } r3) return r3;
        var goals = command.Goals ?? [];
        if (goals.Count is 0 or > MaxPlanGoals) return Decision.Refuse(InvalidField, $"A plan has 1 to {MaxPlanGoals} goals.");
        if (goals.Select(g => g.GoalId).Distinct().Count() != goals.Count || goals.Any(g => g.GoalId == Guid.Empty))
            return Decision.Refuse(InvalidField, "Each goal needs an id of its own.");
        foreach (var g in goals)
        {
            if (!Enum.IsDefined(g.Kind)) return Decision.Refuse(InvalidField, "A goal's kind must be one of the listed values.");
            if ((Required(g.Description, InvalidReason, "A goal's description") ?? Required(g.Responsible, InvalidName, "Who is responsible for a goal")) is { } r)
                return r;
            if (g.TargetDate < DateOnly.FromDateTime(at.UtcDateTime))
                return Decision.Refuse(InvalidDate, $"A goal's target date ({g.TargetDate:yyyy-MM-dd}) is before the plan was drawn up.");
        }
        return Decision.Accept(new RehabilitationPlanDrawnUp(inmate.InmateId,
            goals.Select(g => g with { Description = g.Description.Trim(), Responsible = g.Responsible.Trim() }).ToList(), command.DrawnUpBy.Trim(), at));
    }

    public static Decision Decide(InmateState inmate, ReviewPlanGoal command, DateTimeOffset now)
    {
        if (Exists(inmate) is { } r1) return r1;
        if (inmate.PlanDrawnUpAt is not { } drawn || !inmate.PlanGoals.Any(g => g.GoalId == command.GoalId))
            return Decision.Refuse(GoalNotFound, "The inmate's plan has no goal with this id.");
        if (!Enum.IsDefined(command.Outcome)) return Decision.Refuse(InvalidField, "The outcome must be one of the listed values.");
        if ((Required(command.Note, InvalidReason, "The review's note") ?? Required(command.ReviewedBy, InvalidName, "Who reviewed the goal")) is { } r2)
            return r2;
        var at = command.ReviewedAt ?? now;
        if (NotInFuture(at, now, "The review's time") is { } r3) return r3;
        if (at < drawn) return Decision.Refuse(EndsBeforeStart, $"The plan was drawn up at {Stamp(drawn)}; a review cannot come before it.");
        return Decision.Accept(new PlanGoalReviewed(inmate.InmateId, command.GoalId, command.Outcome, command.Note.Trim(), command.ReviewedBy.Trim(), at));
    }
}
