using SecondChance.Domain.Programmes;

namespace SecondChance.Application.Programmes;

public sealed class CertifySkillHandler(Streams streams, CommandExecutor executor)
{
    public async Task<CommandResult> HandleAsync(CertifySkill command, CommandContext context, CancellationToken ct)
    {
        var inmate = await streams.InmateAsync(command.InmateId, ct, context);
        if (!inmate.Exists) return CommandResult.NotFound(command.InmateId, "No inmate has this id.");
        var programme = await streams.ProgrammeAsync(command.ProgrammeId, ct, context);
        return await executor.CommitAsync(context, command.InmateId, inmate,
            EnrolmentDecider.Decide(inmate.State, programme.State, command, VerificationCodes.New(), executor.Now), ct);
    }
}
