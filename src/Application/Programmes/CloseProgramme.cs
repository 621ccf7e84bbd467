using SecondChance.Domain.Programmes;

namespace SecondChance.Application.Programmes;

public sealed class CloseProgrammeHandler(Streams streams, CommandExecutor executor)
{
    public Task<CommandResult> HandleAsync(CloseProgramme command, CommandContext context, CancellationToken ct) =>
        executor.DecideAsync(streams.ProgrammeAsync(command.ProgrammeId, ct, context), command.ProgrammeId, context, (s, now) => ProgrammeDecider.Decide(s, command, now), ct);
}
