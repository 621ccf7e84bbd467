using SecondChance.Domain.Wages;

namespace SecondChance.Application.Wages;

public sealed class ReversePostingHandler(Streams streams, CommandExecutor executor)
{
    public Task<CommandResult> HandleAsync(ReversePosting command, CommandContext context, CancellationToken ct)
    {
        command = command with { PostingId = Ids.OrNew(command.PostingId) };
        return WageAccountStream.DecideAsync(streams, executor, command.InmateId, command.PostingId, context,
            (account, inmate, now) => WageAccountDecider.Decide(account, inmate, command, now), ct);
    }
}
