using SecondChance.Domain;
using SecondChance.Domain.Ventures;

namespace SecondChance.Application.Ventures;

/// <summary>A step on a venture's own stream; a venture unknown at the addressed facility is not found (404).</summary>
internal static class VentureSteps
{
    public static async Task<CommandResult> RunAsync(Streams streams, CommandExecutor executor, CommandContext context, Guid ventureId,
        Func<VentureState, DateTimeOffset, Decision> decide, CancellationToken ct)
    {
        var venture = await streams.VentureAsync(ventureId, ct, context);
        var decision = decide(venture.State, executor.Now);
        if (decision.Refusal?.Code == RefusalCodes.VentureNotFound) return CommandResult.NotFound(ventureId, decision.Refusal.Message);
        return await executor.CommitAsync(context, ventureId, venture, decision, ct);
    }

    /// <summary>Money between the venture and its facility's fund: both streams in one append, the fund locked for the command.</summary>
    public static async Task<CommandResult> MoneyAsync(Streams streams, CommandExecutor executor, CommandContext context, Guid facilityId, Guid ventureId,
        Guid postingId, Func<VentureState, VentureFundState, Domain.Facilities.FacilityState, DateTimeOffset, MultiStreamDecision> decide, CancellationToken ct)
    {
        var venture = await streams.VentureAsync(ventureId, ct, context);
        if (!venture.Exists || venture.State.FacilityId != facilityId) return CommandResult.NotFound(ventureId, "No venture has this id at this facility.");
        var facility = await streams.FacilityAsync(facilityId, ct, context);
        var fund = await streams.VentureFundAsync(facilityId, ct, context, exclusive: context.ExpectedVersion is null);
        return await executor.CommitAsync(context, postingId, venture, decide(venture.State, fund.State, facility.State, executor.Now), [fund], ct);
    }
}
