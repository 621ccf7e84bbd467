using SecondChance.Integrity.Events;
using System.Globalization;
using SecondChance.EventStore;

namespace SecondChance.Projections.Engine;

/// <summary>Status of every registered projection, with lag measured against the committed log.</summary>
public sealed class ProjectionStatusReader(ProjectionStore store, ProjectionRegistry registry)
{
    public const int ExactLagLimit = 100_000;

    public async Task<IReadOnlyList<ProjectionStatus>> ReadAsync(CancellationToken ct = default)
    {
        var s = store.EventStore.Schema;
        const string log = MartenEventLog.LinksTable;
        await using var cmd = store.DataSource.CreateCommand($"""
            select p.name, p.version, p.state, p.rebuilding, p.rebuild_position, p.checkpoint_tx::text, p.checkpoint_seq,
                   p.events_applied, p.owner, p.last_event_at, p.updated_at,
                   p.failed_position, p.failed_type, p.failed_stream, p.failed_error, p.failed_at,
                   (select case when x.n <= {ExactLagLimit} then x.n
                                else greatest(x.n, (select max(seq_id) from {log}) - p.checkpoint_seq) end
                      from (select count(*) as n from (select 1 from {log} e
                             where (e.transaction_id, e.seq_id) > (p.checkpoint_tx, p.checkpoint_seq) limit {ExactLagLimit + 1}) y) x),
                   coalesce(extract(epoch from now() - (select m.timestamp from {log} e join {MartenEventLog.EventsTable} m on m.seq_id = e.seq_id
                     where (e.transaction_id, e.seq_id) > (p.checkpoint_tx, p.checkpoint_seq)
                     order by e.transaction_id, e.seq_id limit 1))::float8, 0),
                   exists (select 1 from pg_locks l where l.locktype = 'advisory' and l.granted and l.objsubid = 2
                           and l.classid = {ProjectionStore.RunLock} and l.objid = hashtext('{s}.' || p.name)::oid
                           and l.database = (select oid from pg_database where datname = current_database()))
              from {s}.projections p order by p.name
            """);
        var list = new List<ProjectionStatus>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var name = r.GetString(0);
            var projection = registry.Find(name);
            if (projection is null) continue;
            var inline = registry.IsInline(name);
            var failure = r.IsDBNull(11) ? null : new ProjectionFailure(r.GetInt64(11), r.GetString(12), r.GetString(13),
                r.GetString(14), r.GetFieldValue<DateTimeOffset>(15));
            list.Add(new ProjectionStatus(name, r.GetInt32(1), projection.Version, inline ? "inline" : r.GetString(2), r.GetBoolean(3),
                r.IsDBNull(4) ? null : r.GetInt64(4),
                new GlobalCursor(ulong.Parse(r.GetString(5), CultureInfo.InvariantCulture), r.GetInt64(6)), r.GetInt64(7),
                inline ? 0 : r.GetInt64(16), inline ? 0 : r.GetDouble(17), r.IsDBNull(8) ? null : r.GetString(8), r.GetBoolean(18),
                r.IsDBNull(9) ? null : r.GetFieldValue<DateTimeOffset>(9), r.GetFieldValue<DateTimeOffset>(10), failure));
        }
        return list;
    }
}
