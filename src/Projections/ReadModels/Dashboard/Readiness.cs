using System.Text.Json;
using System.Text.Json.Serialization;
using SecondChance.Domain.Inmates;

namespace SecondChance.Projections.ReadModels.Dashboard;

/// <summary>
/// The dashboard's readiness table: per inmate the plan's goals with their latest review, and whether the savings payout
/// and a follow-up are planned. Every inmate's release is planned, so those rows go in one batch; plans and reviews are
/// few and read the row, so the batch is sent before each.
/// </summary>
internal static class Readiness
{
    internal sealed record Goal(Guid GoalId, PlanGoalKind Kind, string Description, DateOnly TargetDate, PlanGoalOutcome? Outcome);

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static void Planned(StatementBatch planned, ReleasePlanned r) => planned.Add("""
        insert into {schema}.readiness (inmate_id, payout_planned, follow_up_planned) values ($1, $2, $3)
        on conflict (inmate_id) do update set payout_planned = excluded.payout_planned, follow_up_planned = excluded.follow_up_planned
        """, r.InmateId, r.SavingsPayout is not null, r.FollowUpPlannedOn is not null);

    /// <summary>A plan drawn up again replaces the goals; a goal kept by id keeps its latest review.</summary>
    public static async Task DrawnUpAsync(ProjectionContext ctx, StatementBatch planned, RehabilitationPlanDrawnUp p, CancellationToken ct)
    {
        await planned.FlushAsync(ct);
        var before = (await GoalsAsync(ctx, p.InmateId, ct)).ToDictionary(g => g.GoalId, g => g.Outcome);
        await SaveAsync(ctx, p.InmateId,
            p.Goals.Select(g => new Goal(g.GoalId, g.Kind, g.Description, g.TargetDate, before.GetValueOrDefault(g.GoalId))).ToList(), ct);
    }

    public static async Task ReviewedAsync(ProjectionContext ctx, StatementBatch planned, PlanGoalReviewed r, CancellationToken ct)
    {
        await planned.FlushAsync(ct);
        var goals = await GoalsAsync(ctx, r.InmateId, ct);
        await SaveAsync(ctx, r.InmateId, goals.Select(g => g.GoalId == r.GoalId ? g with { Outcome = r.Outcome } : g).ToList(), ct);
    }

    private static async Task<IReadOnlyList<Goal>> GoalsAsync(ProjectionContext ctx, Guid inmateId, CancellationToken ct)
    {
        string? json = null;
        await ctx.ReadAsync("select goals::text from {schema}.readiness where inmate_id = $1", r => json = r.GetString(0), ct, inmateId);
        return json is null ? [] : JsonSerializer.Deserialize<List<Goal>>(json, Json)!;
    }

    private static Task SaveAsync(ProjectionContext ctx, Guid inmateId, IReadOnlyList<Goal> goals, CancellationToken ct)
    {
        var cmd = ctx.Command("""
            insert into {schema}.readiness (inmate_id, goals) values ($1, $2)
            on conflict (inmate_id) do update set goals = excluded.goals
            """, inmateId, JsonSerializer.Serialize(goals, Json));
        cmd.Parameters[1].NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Jsonb;
        return ExecAsync(cmd, ct);
    }

    private static async Task ExecAsync(Npgsql.NpgsqlCommand cmd, CancellationToken ct)
    {
        await using (cmd) await cmd.ExecuteNonQueryAsync(ct);
    }

    public static IReadOnlyList<(PlanGoal Goal, PlanGoalOutcome? Outcome)> Parse(string json) =>
        JsonSerializer.Deserialize<List<Goal>>(json, Json)!
            .Select(g => (new PlanGoal(g.GoalId, g.Kind, g.Description, g.TargetDate, ""), g.Outcome)).ToList();
}
