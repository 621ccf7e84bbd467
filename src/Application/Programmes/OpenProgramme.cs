using SecondChance.Domain.Programmes;

namespace SecondChance.Application.Programmes;

public sealed class OpenProgrammeHandler(Streams streams, CommandExecutor executor)
{
    public async Task<CommandResult> HandleAsync(OpenProgramme command, CommandContext context, CancellationToken ct)
    {
        command = command with { ProgrammeId = Ids.OrNew(command.ProgrammeId) };
        var programme = await streams.ProgrammeAsync(command.ProgrammeId, ct, context);
        var facility = await streams.FacilityAsync(command.FacilityId, ct, context);
        return await executor.CommitAsync(context, command.ProgrammeId, programme,
            ProgrammeDecider.Decide(programme.State, facility.State, command, executor.Now), ct);
    }
}
