using SecondChance.Domain.Partners;

namespace SecondChance.Application.Partners;

public sealed class RegisterPartnerHandler(Streams streams, CommandExecutor executor)
{
    public async Task<CommandResult> HandleAsync(RegisterPartner command, CommandContext context, CancellationToken ct)
    {
        command = command with { PartnerId = Ids.OrNew(command.PartnerId) };
        var partner = await streams.PartnerAsync(command.PartnerId, ct, context);
        return await executor.CommitAsync(context, command.PartnerId, partner, PartnerDecider.Decide(partner.State, command, executor.Now), ct);
    }
}
