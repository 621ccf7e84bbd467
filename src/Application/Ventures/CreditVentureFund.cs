using SecondChance.Domain.Ventures;

namespace SecondChance.Application.Ventures;

/// <summary>The result's id is the posting's; its version is the fund's.</summary>
public sealed class CreditVentureFundHandler(Streams streams, CommandExecutor executor)
{
    public async Task<CommandResult> HandleAsync(CreditVentureFund command, CommandContext context, CancellationToken ct)
    {
        command = command with { PostingId = Ids.OrNew(command.PostingId) };
        var facility = await streams.FacilityAsync(command.FacilityId, ct, context);
        if (!facility.Exists) return CommandResult.NotFound(command.FacilityId, "No facility has this id.");
        var fund = await streams.VentureFundAsync(command.FacilityId, ct, context, exclusive: context.ExpectedVersion is null);
        return await executor.CommitAsync(context, command.PostingId, fund,
            VentureFundDecider.Decide(fund.State, facility.State, command, executor.Now), ct);
    }
}
