using SecondChance.Domain.Facilities;

namespace SecondChance.Application.Facilities;

/// <summary>The result's id is the ward's; its version is the facility's.</summary>
public sealed class AddWardHandler(Streams streams, CommandExecutor executor)
{
    public async Task<CommandResult> HandleAsync(AddWard command, CommandContext context, CancellationToken ct)
    {
        command = command with { WardId = Ids.OrNew(command.WardId) };
        var result = await executor.DecideAsync(streams.FacilityAsync(command.FacilityId, ct), command.FacilityId, context,
            (s, now) => FacilityDecider.Decide(s, command, now), ct);
        return result.Status == CommandStatus.Accepted ? result with { Id = command.WardId } : result;
    }
}
