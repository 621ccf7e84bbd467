using SecondChance.Domain.Inmates;

namespace SecondChance.Application.Inmates;

/// <summary>The result's id is the incident's, which its follow-ups name.</summary>
public sealed class RecordCustodyIncidentHandler(Streams streams, CommandExecutor executor)
{
    public async Task<CommandResult> HandleAsync(RecordCustodyIncident command, CommandContext context, CancellationToken ct)
    {
        command = command with { IncidentId = Ids.OrNew(command.IncidentId) };
        var inmate = await streams.InmateAsync(command.InmateId, ct, context);
        if (!inmate.Exists) return CommandResult.NotFound(command.InmateId, "No inmate has this id.");
        return await executor.CommitAsync(context, command.IncidentId, inmate, InmateDecider.Decide(inmate.State, command, executor.Now), ct);
    }
}
