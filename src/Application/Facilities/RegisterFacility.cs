using SecondChance.Domain.Facilities;

namespace SecondChance.Application.Facilities;

public sealed class RegisterFacilityHandler(Streams streams, CommandExecutor executor)
{
    public async Task<CommandResult> HandleAsync(RegisterFacility command, CommandContext context, CancellationToken ct)
    {
        command = command with { FacilityId = Ids.OrNew(command.FacilityId) };
        var facility = await streams.FacilityAsync(command.FacilityId, ct, context);
        return await executor.CommitAsync(context, command.FacilityId, facility,
            FacilityDecider.Decide(facility.State, command, executor.Now), ct);
    }
}
