using SecondChance.Domain.Inmates;

namespace SecondChance.Application.Inmates;

public sealed class HouseInmateHandler(Streams streams, CommandExecutor executor)
{
    public async Task<CommandResult> HandleAsync(HouseInmate command, CommandContext context, CancellationToken ct)
    {
        var inmate = await streams.InmateAsync(command.InmateId, ct, context);
        if (!inmate.Exists) return CommandResult.NotFound(command.InmateId, "No inmate has this id.");
        var facility = await streams.FacilityAsync(inmate.State.FacilityId, ct, context);
        return await executor.CommitAsync(context, command.InmateId, inmate,
            InmateDecider.Decide(inmate.State, facility.State, command, executor.Now), ct);
    }
}
