using SecondChance.Domain.Partners;

namespace SecondChance.Application.Partners;

/// <summary>The result's id is the memorandum's; its version is the partner's.</summary>
public sealed class SignMemorandumHandler(Streams streams, CommandExecutor executor)
{
    public async Task<CommandResult> HandleAsync(SignMemorandum command, CommandContext context, CancellationToken ct)
    {
        command = command with { MemorandumId = Ids.OrNew(command.MemorandumId) };
        var partner = await streams.PartnerAsync(command.PartnerId, ct, context);
        if (!partner.Exists) return CommandResult.NotFound(command.PartnerId, "No partner has this id.");
        var facility = await streams.FacilityAsync(command.FacilityId, ct, context);
        return await executor.CommitAsync(context, command.MemorandumId, partner,
            PartnerDecider.Decide(partner.State, facility.State, command, executor.Now), ct);
    }
}
