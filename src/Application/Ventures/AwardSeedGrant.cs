using SecondChance.Domain.Ventures;

namespace SecondChance.Application.Ventures;

/// <summary>The grant on the venture and the payment out of the fund in one append; the result's id is the posting's, its version the venture's.</summary>
public sealed class AwardSeedGrantHandler(Streams streams, CommandExecutor executor)
{
    public Task<CommandResult> HandleAsync(AwardSeedGrant command, CommandContext context, CancellationToken ct)
    {
        command = command with { PostingId = Ids.OrNew(command.PostingId) };
        return VentureSteps.MoneyAsync(streams, executor, context, command.FacilityId, command.VentureId, command.PostingId,
            (venture, fund, facility, now) => VentureDecider.Decide(venture, fund, facility, command, now), ct);
    }
}
