using SecondChance.Domain;
using SecondChance.Domain.Inmates;
using SecondChance.Domain.Programmes;

namespace SecondChance.Application.Programmes;

/// <summary>Enrolment changes write the programme (the addressed resource) and the inmate in one append.</summary>
internal static class EnrolmentStreams
{
    public static async Task<CommandResult> DecideAsync(
        Streams streams, CommandExecutor executor, Guid programmeId, Guid inmateId, CommandContext context,
        Func<InmateState, ProgrammeState, DateTimeOffset, MultiStreamDecision> decide, CancellationToken ct)
    {
        var programme = await streams.ProgrammeAsync(programmeId, ct, context);
        if (!programme.Exists) return CommandResult.NotFound(programmeId, "No programme has this id.");
        var inmate = await streams.InmateAsync(inmateId, ct, context);
        return await executor.CommitAsync(context, programmeId, programme, decide(inmate.State, programme.State, executor.Now), [inmate], ct);
    }
}
