using SecondChance.Integrity.Events;

namespace SecondChance.Application.Access;

public sealed record AccessLogEntry(long Id, DateTimeOffset At, Guid? UserId, string Username, Guid SubjectId, string Resource);

/// <summary>Who looked at whose personal record, and when.</summary>
public sealed class AccessLog(MartenEventLog store, TimeProvider clock)
{
    private string Table => $"{store.Schema}.access_log";

    public async Task RecordAsync(Guid? userId, string username, Guid subjectId, string resource, CancellationToken ct)
    {
        await using var cmd = store.DataSource.CreateCommand(
            $"insert into {Table} (at, user_id, username, subject_id, resource) values ($1, $2, $3, $4, $5)");
        cmd.Parameters.Add(new() { Value = clock.GetUtcNow().UtcDateTime });
        cmd.Parameters.Add(new() { Value = (object?)userId ?? DBNull.Value });
        cmd.Parameters.Add(new() { Value = username });
        cmd.Parameters.Add(new() { Value = subjectId });
        cmd.Parameters.Add(new() { Value = resource.Length <= 300 ? resource : resource[..300] });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task<IReadOnlyList<AccessLogEntry>> ReadAsync(Guid? subjectId, Guid? userId, long after, int limit, CancellationToken ct)
    {
        await using var cmd = store.DataSource.CreateCommand($"""
            select id, at, user_id, username, subject_id, resource from {Table}
             where id > $1 and ($2::uuid is null or subject_id = $2) and ($3::uuid is null or user_id = $3)
             order by id limit $4
            """);
        cmd.Parameters.Add(new() { Value = after });
        cmd.Parameters.Add(new() { Value = (object?)subjectId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        cmd.Parameters.Add(new() { Value = (object?)userId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        cmd.Parameters.Add(new() { Value = Math.Clamp(limit, 1, 1000) });
        var list = new List<AccessLogEntry>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add(new AccessLogEntry(r.GetInt64(0), new DateTimeOffset(r.GetDateTime(1), TimeSpan.Zero), r.IsDBNull(2) ? null : r.GetGuid(2),
                r.GetString(3), r.GetGuid(4), r.GetString(5)));
        return list;
    }
}
