using SecondChance.Domain.Items;

namespace SecondChance.Application.Items;

public sealed class WithdrawItemHandler(Streams streams, CommandExecutor executor)
{
    public Task<CommandResult> HandleAsync(WithdrawItem command, CommandContext context, CancellationToken ct) =>
        executor.DecideAsync(streams.ItemAsync(command.ItemId, ct, context), command.ItemId, context, (s, now) => ItemDecider.Decide(s, command, now), ct);
}
