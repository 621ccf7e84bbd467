using SecondChance.Domain.Facilities;

namespace SecondChance.Application.Facilities;

public sealed class CertifyWardCapacityHandler(Streams streams, CommandExecutor executor)
{
    public Task<CommandResult> HandleAsync(CertifyWardCapacity command, CommandContext context, CancellationToken ct) =>
        executor.DecideAsync(streams.FacilityAsync(command.FacilityId, ct, context), command.FacilityId, context, (s, now) => FacilityDecider.Decide(s, command, now), ct);
}
