using SecondChance.Domain.Inmates;

namespace SecondChance.Application.Inmates;

/// <summary>The result's id is the restraint's, which ends it later.</summary>
public sealed class ApplyRestraintHandler(Streams streams, CommandExecutor executor)
{
    public async Task<CommandResult> HandleAsync(ApplyRestraint command, CommandContext context, CancellationToken ct)
    {
        command = command with { RestraintId = Ids.OrNew(command.RestraintId) };
        var inmate = await streams.InmateAsync(command.InmateId, ct, context);
        if (!inmate.Exists) return CommandResult.NotFound(command.InmateId, "No inmate has this id.");
        return await executor.CommitAsync(context, command.RestraintId, inmate, InmateDecider.Decide(inmate.State, command, executor.Now), ct);
    }
}
