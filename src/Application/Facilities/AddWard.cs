using SecondChance.Domain.Facilities;

namespace SecondChance.Application.Facilities;

/// <summary>The result's id is the ward's; its version is the facility's.</summary>
public sealed class AddWardHandler(Streams streams, CommandExecutor executor)
{
    public async Task<CommandResult> HandleAsync(AddWard command, CommandContext context, CancellationToken ct)
    {
        command = command with { WardId = Ids.OrNew(command.WardId) };
        var facility = await streams.FacilityAsync(command.FacilityId, ct, context);
        if (!facility.Exists) return CommandResult.NotFound(command.FacilityId, "No facility has this id.");
        return await executor.CommitAsync(context, command.WardId, facility, FacilityDecider.Decide(facility.State, command, executor.Now), ct);
    }
}
