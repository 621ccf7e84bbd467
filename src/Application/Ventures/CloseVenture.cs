using SecondChance.Domain.Ventures;

namespace SecondChance.Application.Ventures;

public sealed class CloseVentureHandler(Streams streams, CommandExecutor executor)
{
    public Task<CommandResult> HandleAsync(CloseVenture command, CommandContext context, CancellationToken ct) =>
        VentureSteps.RunAsync(streams, executor, context, command.VentureId, (s, now) => VentureDecider.Decide(s, command, now), ct);
}
