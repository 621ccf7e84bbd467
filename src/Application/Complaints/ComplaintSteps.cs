using SecondChance.Domain;
using SecondChance.Domain.Complaints;

namespace SecondChance.Application.Complaints;

/// <summary>
/// One step of a complaint's lifecycle on the inmate's complaints stream. A complaint the actor may not know of is
/// answered as not found, exactly as an unknown id.
/// </summary>
internal static class ComplaintSteps
{
    public static async Task<CommandResult> RunAsync(Streams streams, CommandExecutor executor, CommandContext context, Guid inmateId, Guid complaintId,
        Func<ComplaintsState, DateTimeOffset, Decision> decide, CancellationToken ct)
    {
        // the decider hides an undisclosed confidential complaint from staff (not found, as an unknown id), and a refusal
        // carries no stream version, so nothing here counts the confidential stream for them
        var complaints = await streams.ComplaintsAsync(inmateId, false, ct, context);
        if (complaints.State.Find(complaintId) is null) complaints = await streams.ComplaintsAsync(inmateId, true, ct, context);
        var decision = decide(complaints.State, executor.Now);
        if (decision.Refusal?.Code == RefusalCodes.ComplaintNotFound) return CommandResult.NotFound(complaintId, "No complaint has this id.");
        return await executor.CommitAsync(context, complaintId, complaints, decision, ct);
    }
}
