using SecondChance.Integrity.Events;
using System.Globalization;
using SecondChance.EventStore;

namespace SecondChance.Projections.Engine;

/// <summary>
/// How far the log and the read models have come. An answer from a read model is current up to its projection's
/// checkpoint; an inline projection is always current up to the committed head of the log.
/// </summary>
public sealed class ReadModelPositions(ProjectionStore store, ProjectionRegistry registry)
{
    private static readonly TimeSpan LongestPoll = TimeSpan.FromMilliseconds(100);

    /// <summary>The newest committed event: everything acknowledged before this call lies at or before it.</summary>
    public async Task<GlobalCursor> LogHeadAsync(CancellationToken ct)
    {
        await using var cmd = store.DataSource.CreateCommand(
            $"select transaction_id::text, seq_id from {MartenEventLog.LinksTable} e order by e.transaction_id desc, e.seq_id desc limit 1");
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? new GlobalCursor(ulong.Parse(r.GetString(0), CultureInfo.InvariantCulture), r.GetInt64(1)) : GlobalCursor.Start;
    }

    /// <summary>The place up to which every one of these read models is current now (the least of them).</summary>
    public async Task<GlobalCursor> CurrentAsync(IReadOnlyList<string> projections, CancellationToken ct)
    {
        var head = projections.Any(registry.IsInline) ? await LogHeadAsync(ct) : GlobalCursor.Start;
        GlobalCursor? least = null;
        foreach (var name in projections)
        {
            var at = registry.IsInline(name) ? head : (await store.LoadAsync(name, ct)).Checkpoint;
            if (least is null || at.CompareTo(least.Value) < 0) least = at;
        }
        return least ?? await LogHeadAsync(ct);
    }

    /// <summary>
    /// Waits, at most <paramref name="timeout"/>, until these read models include every event committed before the
    /// call. A paused projection cannot get there, so it is refused at once.
    /// </summary>
    public async Task<CatchUp> CatchUpAsync(IReadOnlyList<string> projections, TimeSpan timeout, CancellationToken ct)
    {
        var target = await LogHeadAsync(ct);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        var poll = TimeSpan.FromMilliseconds(5);
        GlobalCursor? least = projections.Any(registry.IsInline) ? target : null;
        foreach (var name in projections.Where(p => !registry.IsInline(p)))
        {
            while (true)
            {
                var row = await store.LoadAsync(name, ct);
                if (row.Checkpoint.CompareTo(target) >= 0)
                {
                    if (least is null || row.Checkpoint.CompareTo(least.Value) < 0) least = row.Checkpoint;
                    break;
                }
                if (row.State == "paused") return new CatchUp(row.Checkpoint, target, name, CatchUpFailure.Paused);
                try { await Task.Delay(poll, limit.Token); }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    return new CatchUp(row.Checkpoint, target, name, CatchUpFailure.Behind);
                }
                poll = poll * 2 < LongestPoll ? poll * 2 : LongestPoll;
            }
        }
        return new CatchUp(least ?? target, target, null, null);
    }
}

public enum CatchUpFailure { Paused, Behind }

/// <summary>
/// Where a wait for read models ended: Position is where they are current up to (on failure, the lagging one's
/// checkpoint), Target the committed head they had to reach; Projection and Failure say which one could not.
/// </summary>
public sealed record CatchUp(GlobalCursor Position, GlobalCursor Target, string? Projection, CatchUpFailure? Failure)
{
    public bool Reached => Failure is null;
}
