using SecondChance.Domain.Inmates;

namespace SecondChance.Application.Inmates;

public sealed class ReviewPlanGoalHandler(Streams streams, CommandExecutor executor)
{
    public Task<CommandResult> HandleAsync(ReviewPlanGoal command, CommandContext context, CancellationToken ct) =>
        executor.DecideAsync(streams.InmateAsync(command.InmateId, ct, context), command.InmateId, context, (s, now) => InmateDecider.Decide(s, command, now), ct);
}
