using SecondChance.Domain.Wages;

namespace SecondChance.Application.Wages;

public sealed class PayOutAtReleaseHandler(Streams streams, CommandExecutor executor)
{
    public async Task<CommandResult> HandleAsync(PayOutAtRelease command, CommandContext context, CancellationToken ct)
    {
        command = command with { PostingId = Ids.OrNew(command.PostingId) };
        var inmate = await streams.InmateAsync(command.InmateId, ct, context);
        if (!inmate.Exists) return CommandResult.NotFound(command.InmateId, "No inmate has this id.");
        var account = await streams.WageAccountAsync(command.InmateId, ct, context);
        return await executor.CommitAsync(context, command.PostingId, account,
            WageAccountDecider.Decide(account.State, inmate.State, command, executor.Now), ct);
    }
}
