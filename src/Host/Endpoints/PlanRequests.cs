using SecondChance.Domain.Inmates;
using SecondChance.Host.Http;

namespace SecondChance.Host.Endpoints;

/// <param name="GoalId">Optional: a new id when absent (give the goal's id again when revising a plan to keep its reviews with it).</param>
internal sealed record PlanGoalRequest(Guid? GoalId, PlanGoalKind? Kind, string? Description, DateOnly? TargetDate, string? Responsible);

internal sealed record RehabilitationPlanRequest(IReadOnlyList<PlanGoalRequest>? Goals, string? DrawnUpBy, DateTimeOffset? DrawnUpAt) : IValidatableRequest
{
    public void Validate(FieldErrors e)
    {
        if (Goals is not { Count: > 0 }) e.Add("goals", "A plan has at least one goal.");
        for (var i = 0; i < (Goals?.Count ?? 0); i++)
        {
            var g = Goals![i];
            if (g is null) { e.Add($"goals[{i}]", "A goal is required."); continue; }
            e.Required(g.Kind, $"goals[{i}].kind");
            e.Text(g.Description, $"goals[{i}].description", FieldErrors.TextLength);
            e.Required(g.TargetDate, $"goals[{i}].targetDate");
            e.Text(g.Responsible, $"goals[{i}].responsible");
        }
        e.Text(DrawnUpBy, "drawnUpBy");
    }

    public DrawUpRehabilitationPlan ToCommand(Guid inmateId) => new(inmateId,
        Goals!.Select(g => new PlanGoal(g.GoalId ?? Guid.CreateVersion7(), g.Kind!.Value, g.Description!, g.TargetDate!.Value, g.Responsible!)).ToList(),
        DrawnUpBy!, DrawnUpAt);
}

internal sealed record PlanGoalReviewRequest(Guid? GoalId, PlanGoalOutcome? Outcome, string? Note, string? ReviewedBy, DateTimeOffset? ReviewedAt)
    : IValidatableRequest
{
    public void Validate(FieldErrors e)
    {
        e.NotEmpty(GoalId, "goalId");
        e.Required(Outcome, "outcome");
        e.Text(Note, "note", FieldErrors.TextLength);
        e.Text(ReviewedBy, "reviewedBy");
    }

    public ReviewPlanGoal ToCommand(Guid inmateId) => new(inmateId, GoalId!.Value, Outcome!.Value, Note!, ReviewedBy!, ReviewedAt);
}
