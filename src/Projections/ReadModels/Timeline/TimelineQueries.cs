using SecondChance.Integrity.Tenancy;
using System.Text.Json;
using Npgsql;

namespace SecondChance.Projections.ReadModels.Timeline;

public sealed class TimelineQueries(TenantDataSource dataSource, string schema)
{
    /// <summary>Everything recorded about the inmate in log order; page on with the last position seen.</summary>
    public async Task<IReadOnlyList<TimelineEntry>> ForInmateAsync(Guid inmateId, long afterPosition = 0, int limit = 500, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"""
            select position, stream_id, stream_version, event_type, summary, occurred_at, recorded_at, actor, recorded_by, summary_parts::text
              from {schema}.timeline where inmate_id = $1 and position > $2 order by position limit $3
            """);
        cmd.Parameters.Add(new() { Value = inmateId });
        cmd.Parameters.Add(new() { Value = afterPosition });
        cmd.Parameters.Add(new() { Value = Math.Clamp(limit, 1, 5000) });
        var list = new List<TimelineEntry>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add(new TimelineEntry(r.GetInt64(0), r.GetString(1), r.GetInt64(2), r.GetString(3), r.GetString(4),
                r.GetFieldValue<DateTimeOffset>(5), r.GetFieldValue<DateTimeOffset>(6), r.IsDBNull(7) ? null : r.GetString(7),
                r.IsDBNull(8) ? null : r.GetString(8), Parts(r.GetString(9))));
        return list;
    }

    private static JsonElement Parts(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
