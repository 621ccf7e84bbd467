using SecondChance.Domain.Inmates;

namespace SecondChance.Application.Inmates;

public sealed class AssignMentorHandler(Streams streams, CommandExecutor executor)
{
    public async Task<CommandResult> HandleAsync(AssignMentor command, CommandContext context, CancellationToken ct)
    {
        var inmate = await streams.InmateAsync(command.InmateId, ct, context);
        if (!inmate.Exists) return CommandResult.NotFound(command.InmateId, "No inmate has this id.");
        var mentor = await streams.MentorAsync(command.MentorId, ct, context);
        return await executor.CommitAsync(context, command.InmateId, inmate,
            InmateDecider.Decide(inmate.State, mentor.State, command, executor.Now), ct);
    }
}
