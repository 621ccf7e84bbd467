using SecondChance.Domain.Complaints;

namespace SecondChance.Application.Complaints;

public sealed class AppealComplaintHandler(Streams streams, CommandExecutor executor)
{
    public Task<CommandResult> HandleAsync(AppealComplaint command, CommandContext context, CancellationToken ct) =>
        ComplaintSteps.RunAsync(streams, executor, context, command.InmateId, command.ComplaintId,
            (s, now) => ComplaintDecider.Decide(s, command, now), ct);
}
