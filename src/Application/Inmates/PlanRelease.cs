using SecondChance.Domain.Inmates;

namespace SecondChance.Application.Inmates;

public sealed class PlanReleaseHandler(Streams streams, CommandExecutor executor)
{
    public Task<CommandResult> HandleAsync(PlanRelease command, CommandContext context, CancellationToken ct) =>
        executor.DecideAsync(streams.InmateAsync(command.InmateId, ct), command.InmateId, context, (s, now) => InmateDecider.Decide(s, command, now), ct);
}
