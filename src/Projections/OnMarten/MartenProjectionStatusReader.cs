using SecondChance.Integrity.Events;

namespace SecondChance.Projections.OnMarten;

/// <summary>
/// Today's <see cref="ProjectionStatus"/> for every read model on Marten. Checkpoint is Marten's progression
/// (<c>mt_event_progression</c>, row <c>{name}:All</c>) as (0, sequence); LagEvents counts committed events past it
/// (exactly up to <see cref="ExactLagLimit"/>, beyond that from the sequences), so an event
/// held back below Marten's high-water mark by an open transaction counts as lag, not as done. State is paused while a
/// failure is recorded (the event it could not apply, with the error); Owner and Held are not known on Marten (null,
/// false). Rebuilding is true while a rebuild holds its lock, RebuildPosition the shadow's progress.
/// </summary>
public sealed class MartenProjectionStatusReader
{
    public const int ExactLagLimit = 100_000;

    private readonly MartenReadModels _models;

    internal MartenProjectionStatusReader(MartenReadModels models) => _models = models;

    public async Task<IReadOnlyList<ProjectionStatus>> ReadAsync(CancellationToken ct = default)
    {
        var state = _models.State;
        var s = _models.Options.EventSchema;
        const int limit = ExactLagLimit;
        await using var cmd = state.DataSource.CreateCommand($"""
            select r.name, r.version, r.rebuilding and {MartenReadModelRebuilder.LockHeldSql(s)}, r.events_applied, r.last_event_at, r.updated_at,
                   coalesce(p.last_seq_id, 0), p.last_updated,
                   f.position, f.event_type, f.stream_id, f.error, f.failed_at,
                   (select case when x.n <= {limit} then x.n
                                else greatest(x.n, (select max(seq_id) from {s}.mt_events) - coalesce(p.last_seq_id, 0)) end
                      from (select count(*) as n from (select 1 from {s}.mt_events e
                             where e.seq_id > coalesce(p.last_seq_id, 0) limit {limit + 1}) y) x),
                   coalesce(extract(epoch from now() - (select e.timestamp from {s}.mt_events e
                     where e.seq_id > coalesce(p.last_seq_id, 0) order by e.seq_id limit 1))::float8, 0),
                   (select last_seq_id from {state.Progression} where name = '{ReadModelState.ShardOf(ShadowRebuild.Name)}')
              from {state.Models} r
              left join {state.Progression} p on p.name = r.name || ':All'
              left join {state.Failures} f on f.name = r.name
             order by r.name
            """);
        var list = new List<ProjectionStatus>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var projection = _models.Find(r.GetString(0));
            if (projection is null) continue;
            var failure = r.IsDBNull(8) ? null
                : new ProjectionFailure(r.GetInt64(8), r.GetString(9), r.GetString(10), r.GetString(11), r.GetFieldValue<DateTimeOffset>(12));
            var rebuilding = r.GetBoolean(2);
            list.Add(new ProjectionStatus(projection.Name, r.GetInt32(1), projection.Version, failure is null ? "running" : "paused",
                rebuilding, rebuilding && !r.IsDBNull(15) ? r.GetInt64(15) : null,
                new GlobalCursor(0, r.GetInt64(6)), r.GetInt64(3), r.GetInt64(13), r.GetDouble(14), null, false,
                r.IsDBNull(4) ? null : r.GetFieldValue<DateTimeOffset>(4),
                r.IsDBNull(7) ? r.GetFieldValue<DateTimeOffset>(5) : r.GetFieldValue<DateTimeOffset>(7), failure));
        }
        return list;
    }

    /// <summary>Marten's high-water mark: every event at or below it is committed or will never be (0 before the daemon's first look).</summary>
    public async Task<long> HighWaterMarkAsync(CancellationToken ct = default)
    {
        await using var cmd = _models.State.DataSource.CreateCommand(
            $"select coalesce((select last_seq_id from {_models.State.Progression} where name = 'HighWaterMark'), 0)");
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Each read model's <see cref="ProjectionLag"/>, without counting events (an index look-up per read model).</summary>
    public async Task<IReadOnlyList<ProjectionLag>> LagsAsync(CancellationToken ct = default)
    {
        var state = _models.State;
        await using var cmd = state.DataSource.CreateCommand($"""
            select r.name, coalesce(p.last_seq_id, 0),
                   coalesce((select last_seq_id from {state.Progression} where name = 'HighWaterMark'), 0),
                   coalesce((select max(seq_id) from {_models.Options.EventSchema}.mt_events), 0),
                   exists (select 1 from {state.Failures} f where f.name = r.name)
              from {state.Models} r
              left join {state.Progression} p on p.name = r.name || ':All'
             order by r.name
            """);
        var list = new List<ProjectionLag>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            if (_models.Find(r.GetString(0)) is { } projection)
                list.Add(new ProjectionLag(projection.Name, r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetBoolean(4)));
        return list;
    }
}
