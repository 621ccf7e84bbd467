using SecondChance.Integrity.Events;

namespace SecondChance.Projections.OnMarten;

/// <summary>
/// How far the log and the read models on Marten have come: positions are Marten sequences, as (0, sequence). Every event acknowledged before a call is committed and so
/// at or below the log head; a read model whose progression has reached the head has applied all of them, because
/// Marten's progression only passes a sequence once everything below it is committed or never will be.
/// </summary>
public sealed class MartenReadModelPositions
{
    private static readonly TimeSpan LongestPoll = TimeSpan.FromMilliseconds(100);
    private readonly MartenReadModels _models;

    internal MartenReadModelPositions(MartenReadModels models) => _models = models;

    private ReadModelState State => _models.State;

    public async Task<GlobalCursor> LogHeadAsync(CancellationToken ct)
    {
        await using var cmd = State.DataSource.CreateCommand($"select coalesce(max(seq_id), 0) from {_models.Options.EventSchema}.mt_events");
        return new GlobalCursor(0, (long)(await cmd.ExecuteScalarAsync(ct))!);
    }

    /// <summary>The place up to which every one of these read models is current now (the least of them).</summary>
    public async Task<GlobalCursor> CurrentAsync(IReadOnlyList<string> projections, CancellationToken ct)
    {
        if (projections.Count == 0) return await LogHeadAsync(ct);
        var rows = await ReadAsync(projections, ct);
        return new GlobalCursor(0, rows.Min(r => r.At));
    }

    /// <summary>
    /// Waits, at most <paramref name="timeout"/>, until these read models include every event committed before the
    /// call. A paused one (a failure is recorded) cannot get there, so it is refused at once.
    /// </summary>
    public async Task<CatchUp> CatchUpAsync(IReadOnlyList<string> projections, TimeSpan timeout, CancellationToken ct)
    {
        var target = await LogHeadAsync(ct);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        var poll = TimeSpan.FromMilliseconds(5);
        while (true)
        {
            var rows = await ReadAsync(projections, ct);
            var behind = rows.Where(r => r.At < target.Position).ToList();
            if (behind.Count == 0) return new CatchUp(new GlobalCursor(0, rows.Count == 0 ? target.Position : rows.Min(r => r.At)), target, null, null);
            if (behind.FirstOrDefault(r => r.Paused) is { } paused)
                return new CatchUp(new GlobalCursor(0, paused.At), target, paused.Name, CatchUpFailure.Paused);
            try { await Task.Delay(poll, limit.Token); }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                return new CatchUp(new GlobalCursor(0, behind[0].At), target, behind[0].Name, CatchUpFailure.Behind);
            }
            poll = poll * 2 < LongestPoll ? poll * 2 : LongestPoll;
        }
    }

    private sealed record Row(string Name, long At, bool Paused);

    private async Task<IReadOnlyList<Row>> ReadAsync(IReadOnlyList<string> projections, CancellationToken ct)
    {
        foreach (var name in projections)
            if (_models.Find(name) is null) throw new ArgumentException($"No read model is called '{name}'.");
        await using var cmd = State.DataSource.CreateCommand($"""
            select n, coalesce(p.last_seq_id, 0), f.name is not null
              from unnest($1::text[]) n
              left join {State.Progression} p on p.name = n || ':All'
              left join {State.Failures} f on f.name = n
            """);
        cmd.Parameters.Add(new() { Value = projections.ToArray() });
        var rows = new List<Row>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) rows.Add(new Row(r.GetString(0), r.GetInt64(1), r.GetBoolean(2)));
        return rows;
    }
}
