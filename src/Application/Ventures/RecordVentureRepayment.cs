using SecondChance.Domain.Ventures;

namespace SecondChance.Application.Ventures;

/// <summary>Money back on the venture and into the fund in one append; the result's id is the posting's, its version the venture's.</summary>
public sealed class RecordVentureRepaymentHandler(Streams streams, CommandExecutor executor)
{
    public Task<CommandResult> HandleAsync(RecordVentureRepayment command, CommandContext context, CancellationToken ct)
    {
        command = command with { PostingId = Ids.OrNew(command.PostingId) };
        return VentureSteps.MoneyAsync(streams, executor, context, command.FacilityId, command.VentureId, command.PostingId,
            (venture, fund, facility, now) => VentureDecider.Decide(venture, fund, facility, command, now), ct);
    }
}
