using Marten;
using SecondChance.Application.Idempotency;
using SecondChance.Domain;
using SecondChance.Integrity.Events;

namespace SecondChance.Application;

/// <summary>
/// The second half of every use case, run inside its Wolverine handler: checks the caller's expected version, turns a
/// decision into one atomic multi-stream append through the handler's session (each stream at the version it was
/// loaded at), and records the idempotency key in the same transaction, so an acknowledged command is never lost
/// and never doubled. A lost race without If-Match is thrown, for Wolverine's retry policy to decide again on fresh
/// state (<see cref="CommandHandling"/>); with If-Match it is the caller's failed precondition.
/// </summary>
public sealed class CommandExecutor(MartenEventLog store, IdempotencyStore idempotency, TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The whole of a use case that reads and writes one existing stream.</summary>
    public async Task<CommandResult> DecideAsync<TState>(
        Task<Loaded<TState>> load, Guid id, CommandContext context, Func<TState, DateTimeOffset, Decision> decide, CancellationToken ct)
    {
        var target = await load;
        if (!target.Exists) return CommandResult.NotFound(id, $"No {target.AggregateType.Replace('_', ' ')} has id {id}.");
        return await CommitAsync(context, id, target, decide(target.State, Now), ct);
    }

    public Task<CommandResult> CommitAsync(CommandContext context, Guid id, ILoadedStream target, Decision decision, CancellationToken ct) =>
        CommitAsync(context, id, target,
            decision.Refusal is { } refusal
                ? MultiStreamDecision.Refuse(refusal.Code, refusal.Message)
                : MultiStreamDecision.Accept(new StreamEvents(target.StreamId, decision.Events)),
            [], ct);

    public async Task<CommandResult> CommitAsync(
        CommandContext context, Guid id, ILoadedStream target, MultiStreamDecision decision, IReadOnlyList<ILoadedStream> others,
        CancellationToken ct)
    {
        if (context.ExpectedVersion is { } expected && expected != target.Version)
            return CommandResult.Conflicted(id, new VersionConflict(target.StreamId, expected, target.Version, FromIfMatch: true));
        if (decision.Refusal is { } refusal) return CommandResult.Refused(id, refusal);

        var loaded = new Dictionary<string, ILoadedStream> { [target.StreamId] = target };
        foreach (var other in others) loaded.TryAdd(other.StreamId, other);
        var metadata = new EventMetadata { Actor = context.Actor, CorrelationId = context.CorrelationId, Headers = context.Headers };
        var appends = decision.Streams.Select(s => new StreamAppend(
            s.StreamId,
            loaded.TryGetValue(s.StreamId, out var l) ? l.AggregateType : throw new InvalidOperationException($"Stream {s.StreamId} was decided on but not loaded."),
            ExpectedVersion.Exactly(l.Version),
            s.Events.Select(NewEvent.For).ToList(),
            metadata)).ToList();
        var result = Result(id, target, loaded, appends);

        var own = context.Session is null ? store.LightweightSession() : null;
        var session = context.Session ?? own!;
        try
        {
            if (context.Idempotency is { } claim) idempotency.Queue(session, claim, claim.Render(result));
            if (appends.Count > 0) await store.AppendAsync(session, appends, ct);
            else await session.SaveChangesAsync(ct);
            return result;
        }
        catch (ConcurrencyException e) when (context.ExpectedVersion is not null)
        {
            // the caller pinned a version: a lost race is theirs to resolve. The addressed stream moving past it is a failed
            // precondition; another stream of the decision moving is a plain conflict
            return CommandResult.Conflicted(id, new VersionConflict(e.StreamId, e.Expected.Value, e.ActualVersion, FromIfMatch: e.StreamId == target.StreamId));
        }
        catch (Exception e) when (IdempotencyStore.IsKeyTaken(e))
        {
            session.EjectAllPendingChanges();
            return CommandResult.KeyTaken(id);
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    /// <summary>The outcome once the appends commit: each stream's version after its events, and how many were written.</summary>
    private static CommandResult Result(Guid id, ILoadedStream target, Dictionary<string, ILoadedStream> loaded, List<StreamAppend> appends)
    {
        var versions = loaded.Values.ToDictionary(l => l.StreamId, l => l.Version);
        foreach (var a in appends) versions[a.StreamId] = a.Expected.Value + a.Events.Count;
        return CommandResult.Accepted(id, versions[target.StreamId], versions, appends.Sum(a => a.Events.Count));
    }
}
