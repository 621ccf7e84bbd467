using SecondChance.Domain.Inmates;
using Wolverine;

namespace SecondChance.Application.Inmates;

/// <summary>
/// Plans (or changes) a release and schedules its readiness reminders with it: the reminders are stored by the same
/// commit as the plan (Wolverine's outbox), so a plan never stands without them. A changed plan schedules its own; the
/// old plan's reminders find the date changed when they come due and do nothing.
/// </summary>
public sealed class PlanReleaseHandler(Streams streams, CommandExecutor executor)
{
    /// <param name="bus">Where the reminders are scheduled; without one (the demo seeder's direct calls) none are.</param>
    public async Task<CommandResult> HandleAsync(PlanRelease command, CommandContext context, IMessageContext? bus, CancellationToken ct)
    {
        var inmate = await streams.InmateAsync(command.InmateId, ct, context);
        if (!inmate.Exists) return CommandResult.NotFound(command.InmateId, $"No inmate has id {command.InmateId}.");
        var decision = InmateDecider.Decide(inmate.State, command, executor.Now);
        if (bus is not null && decision.Refusal is null && decision.Events.Count > 0)
            foreach (var (days, at) in ReleaseReadiness.Reminders(command.ExpectedReleaseDate, executor.Now))
                await bus.ScheduleAsync(new RemindOfReleaseReadiness(command.InmateId, command.ExpectedReleaseDate, days), at);
        return await executor.CommitAsync(context, command.InmateId, inmate, decision, ct);
    }
}
