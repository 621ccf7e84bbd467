using SecondChance.Domain.Inmates;

namespace SecondChance.Application.Inmates;

public sealed class OpenIncidentInvestigationHandler(Streams streams, CommandExecutor executor)
{
    public async Task<CommandResult> HandleAsync(OpenIncidentInvestigation command, CommandContext context, CancellationToken ct)
    {
        var inmate = await streams.InmateAsync(command.InmateId, ct, context);
        if (!inmate.Exists) return CommandResult.NotFound(command.InmateId, "No inmate has this id.");
        return await executor.CommitAsync(context, command.IncidentId, inmate, InmateDecider.Decide(inmate.State, command, executor.Now), ct);
    }
}
