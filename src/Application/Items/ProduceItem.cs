using SecondChance.Domain.Inmates;
using SecondChance.Domain.Items;

namespace SecondChance.Application.Items;

public sealed class ProduceItemHandler(Streams streams, CommandExecutor executor)
{
    public async Task<CommandResult> HandleAsync(ProduceItem command, CommandContext context, CancellationToken ct)
    {
        command = command with { ItemId = Ids.OrNew(command.ItemId) };
        var item = await streams.ItemAsync(command.ItemId, ct, context);
        var programme = await streams.ProgrammeAsync(command.ProgrammeId, ct, context);
        var makers = new Dictionary<Guid, InmateState>();
        foreach (var id in (command.Makers ?? []).Select(m => m.InmateId).Distinct())
            makers[id] = (await streams.InmateAsync(id, ct, context)).State;
        return await executor.CommitAsync(context, command.ItemId, item,
            ItemDecider.Decide(item.State, programme.State, makers, command, executor.Now), ct);
    }
}
