using SecondChance.Domain.Inmates;

namespace SecondChance.Application.Inmates;

/// <summary>The result's id is the contact's.</summary>
public sealed class RecordMentoringContactHandler(Streams streams, CommandExecutor executor)
{
    public async Task<CommandResult> HandleAsync(RecordMentoringContact command, CommandContext context, CancellationToken ct)
    {
        command = command with { ContactId = Ids.OrNew(command.ContactId) };
        var inmate = await streams.InmateAsync(command.InmateId, ct, context);
        if (!inmate.Exists) return CommandResult.NotFound(command.InmateId, "No inmate has this id.");
        var mentor = await streams.MentorAsync(command.MentorId, ct, context);
        return await executor.CommitAsync(context, command.ContactId, inmate,
            InmateDecider.Decide(inmate.State, mentor.State, command, executor.Now), ct);
    }
}
