using SecondChance.Domain.Wages;

namespace SecondChance.Application.Wages;

/// <summary>The result's id is the posting's; its version is the wage account's.</summary>
public sealed class CreditWageHandler(Streams streams, CommandExecutor executor)
{
    public async Task<CommandResult> HandleAsync(CreditWage command, CommandContext context, CancellationToken ct)
    {
        command = command with { PostingId = Ids.OrNew(command.PostingId) };
        var inmate = await streams.InmateAsync(command.InmateId, ct, context);
        if (!inmate.Exists) return CommandResult.NotFound(command.InmateId, "No inmate has this id.");
        var account = await streams.WageAccountAsync(command.InmateId, ct, context);
        var facility = await streams.FacilityAsync(inmate.State.FacilityId, ct, context);
        return await executor.CommitAsync(context, command.PostingId, account,
            WageAccountDecider.Decide(account.State, inmate.State, facility.State, command, executor.Now), ct);
    }
}
