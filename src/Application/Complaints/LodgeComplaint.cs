using SecondChance.Domain.Complaints;

namespace SecondChance.Application.Complaints;

/// <summary>The result's id is the complaint's; its version is that of the inmate's complaints stream it went to.</summary>
public sealed class LodgeComplaintHandler(Streams streams, CommandExecutor executor)
{
    public async Task<CommandResult> HandleAsync(LodgeComplaint command, CommandContext context, CancellationToken ct)
    {
        command = command with { ComplaintId = Ids.OrNew(command.ComplaintId) };
        var inmate = await streams.InmateAsync(command.InmateId, ct, context);
        if (!inmate.Exists) return CommandResult.NotFound(command.InmateId, "No inmate has this id.");
        var complaints = await streams.ComplaintsAsync(command.InmateId, ComplaintsState.IsConfidential(command.Channel), ct, context);
        return await executor.CommitAsync(context, command.ComplaintId, complaints,
            ComplaintDecider.Decide(complaints.State, inmate.State, command, executor.Now), ct);
    }
}
