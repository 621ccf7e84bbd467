using SecondChance.Integrity.Events;
using SecondChance.Application.Idempotency;
using SecondChance.Domain;

namespace SecondChance.Application;

/// <summary>
/// The second half of every use case: checks the caller's expected version, turns a decision into one atomic
/// multi-stream append (each stream at the version it was loaded at), and records the idempotency key in the
/// same transaction, so an acknowledged command is never lost and never doubled.
/// </summary>
public sealed class CommandExecutor(MartenEventLog store, IEnumerable<IInlineProjection> projections, IdempotencyStore idempotency, TimeProvider clock)
{
    private readonly IReadOnlyList<IInlineProjection> _projections = projections.ToList();

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
        try
        {
            return context.Idempotency is { } claim
                ? await AppendWithClaimAsync(id, target, loaded, appends, claim, ct)
                : Result(id, target, loaded, appends.Count == 0 ? [] : await store.AppendAsync(appends, ct));
        }
        catch (ConcurrencyException e)
        {
            // the addressed stream moved past the version the caller pinned with If-Match: their precondition no longer holds
            var pinned = context.ExpectedVersion is not null && e.StreamId == target.StreamId;
            return CommandResult.Conflicted(id, new VersionConflict(e.StreamId, e.Expected.Value, e.ActualVersion, FromIfMatch: pinned));
        }
    }

    private async Task<CommandResult> AppendWithClaimAsync(
        Guid id, ILoadedStream target, Dictionary<string, ILoadedStream> loaded, List<StreamAppend> appends, IdempotencyClaim claim,
        CancellationToken ct)
    {
        await using var conn = await store.DataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var written = appends.Count == 0 ? [] : await store.AppendAsync(conn, tx, appends, ct);
        var events = written.SelectMany(r => r.Events).ToList();
        if (events.Count > 0)
            foreach (var projection in _projections) await projection.ApplyAsync(conn, tx, events, ct);
        var result = Result(id, target, loaded, written);
        if (!await idempotency.TryRecordAsync(conn, tx, claim, claim.Render(result), ct))
        {
            await tx.RollbackAsync(ct);
            return CommandResult.KeyTaken(id);
        }
        await tx.CommitAsync(ct);
        return result;
    }

    private static CommandResult Result(
        Guid id, ILoadedStream target, Dictionary<string, ILoadedStream> loaded, IReadOnlyList<AppendResult> written)
    {
        var versions = loaded.Values.ToDictionary(l => l.StreamId, l => l.Version);
        foreach (var w in written) versions[w.StreamId] = w.NextVersion;
        return CommandResult.Accepted(id, versions[target.StreamId], versions, written.Sum(w => w.Positions.Count));
    }
}
