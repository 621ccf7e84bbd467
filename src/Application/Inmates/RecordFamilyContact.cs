using SecondChance.Domain.Inmates;

namespace SecondChance.Application.Inmates;

/// <summary>The result's id is the contact's; recording the same contact again changes nothing.</summary>
public sealed class RecordFamilyContactHandler(Streams streams, CommandExecutor executor)
{
    public async Task<CommandResult> HandleAsync(RecordFamilyContact command, CommandContext context, CancellationToken ct)
    {
        command = command with { ContactId = Ids.OrNew(command.ContactId) };
        var inmate = await streams.InmateAsync(command.InmateId, ct, context);
        if (!inmate.Exists) return CommandResult.NotFound(command.InmateId, "No inmate has this id.");
        return await executor.CommitAsync(context, command.ContactId, inmate, InmateDecider.Decide(inmate.State, command, executor.Now), ct);
    }
}
