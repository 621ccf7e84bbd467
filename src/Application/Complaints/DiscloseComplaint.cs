using SecondChance.Domain.Complaints;

namespace SecondChance.Application.Complaints;

public sealed class DiscloseComplaintHandler(Streams streams, CommandExecutor executor)
{
    public Task<CommandResult> HandleAsync(DiscloseComplaint command, CommandContext context, CancellationToken ct) =>
        ComplaintSteps.RunAsync(streams, executor, context, command.InmateId, command.ComplaintId,
            (s, now) => ComplaintDecider.Decide(s, command, now), ct);
}
