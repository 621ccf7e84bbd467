using SecondChance.Domain.Items;

namespace SecondChance.Application.Items;

public sealed class ReturnItemHandler(Streams streams, CommandExecutor executor)
{
    public Task<CommandResult> HandleAsync(ReturnItem command, CommandContext context, CancellationToken ct) =>
        executor.DecideAsync(streams.ItemAsync(command.ItemId, ct, context), command.ItemId, context, (s, now) => ItemDecider.Decide(s, command, now), ct);
}
