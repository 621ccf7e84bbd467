using SecondChance.Domain.Programmes;

namespace SecondChance.Application.Programmes;

public sealed class WithdrawFromProgrammeHandler(Streams streams, CommandExecutor executor)
{
    public Task<CommandResult> HandleAsync(WithdrawFromProgramme command, CommandContext context, CancellationToken ct) =>
        EnrolmentStreams.DecideAsync(streams, executor, command.ProgrammeId, command.InmateId, context,
            (inmate, programme, now) => EnrolmentDecider.Decide(inmate, programme, command, now), ct);
}
