using SecondChance.Integrity.Tenancy;
using Npgsql;
using NpgsqlTypes;

namespace SecondChance.Projections.ReadModels.Compliance;

public sealed class ComplianceQueries(TenantDataSource dataSource, string schema)
{
    private const string Columns = "f.inmate_id, i.prisoner_number, f.facility_id, f.position, f.kind, f.starts_at, f.ends_at, f.detail, f.amount";

    public Task<IReadOnlyList<ComplianceFact>> ForInmateAsync(Guid inmateId, CancellationToken ct = default) => ReadAsync($"""
        select {Columns} from {schema}.facts f join {schema}.inmates i using (inmate_id)
         where f.inmate_id = $1 order by f.starts_at, f.position
        """, ct, inmateId);

    /// <summary>Facts at a facility whose time (or spell) falls in [from, to); kind narrows to one kind of fact.</summary>
    public Task<IReadOnlyList<ComplianceFact>> ForFacilityAsync(Guid facilityId, DateTimeOffset from, DateTimeOffset to, string? kind = null,
        int limit = 1000, CancellationToken ct = default) => ReadAsync($"""
        select {Columns} from {schema}.facts f join {schema}.inmates i using (inmate_id)
         where f.facility_id = $1 and f.starts_at < $3 and coalesce(f.ends_at, f.starts_at) >= $2 and ($4::text is null or f.kind = $4)
         order by f.starts_at, f.position limit $5
        """, ct, facilityId, from.ToUniversalTime(), to.ToUniversalTime(), kind, Math.Clamp(limit, 1, 10_000));

    /// <summary>How many facts of each kind fall in [from, to), at the facilities given (null: every facility).</summary>
    public async Task<IReadOnlyDictionary<string, long>> CountsByKindAsync(DateTimeOffset from, DateTimeOffset to,
        IReadOnlyCollection<Guid>? within = null, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"""
            select kind, count(*) from {schema}.facts
             where starts_at < $2 and coalesce(ends_at, starts_at) >= $1 and ($3::uuid[] is null or facility_id = any($3))
             group by kind order by kind
            """);
        cmd.Parameters.Add(new() { Value = from.ToUniversalTime() });
        cmd.Parameters.Add(new() { Value = to.ToUniversalTime() });
        cmd.Parameters.Add(new() { Value = (object?)within?.ToArray() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        var counts = new Dictionary<string, long>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) counts[r.GetString(0)] = r.GetInt64(1);
        return counts;
    }

    private async Task<IReadOnlyList<ComplianceFact>> ReadAsync(string sql, CancellationToken ct, params object?[] args)
    {
        await using var cmd = dataSource.CreateCommand(sql);
        foreach (var a in args)
            cmd.Parameters.Add(a is null ? new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text } : new NpgsqlParameter { Value = a });
        var list = new List<ComplianceFact>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add(new ComplianceFact(r.GetGuid(0), r.GetString(1), r.GetGuid(2), r.GetInt64(3), r.GetString(4), r.GetFieldValue<DateTimeOffset>(5),
                r.IsDBNull(6) ? null : r.GetFieldValue<DateTimeOffset>(6), r.GetString(7), r.IsDBNull(8) ? null : r.GetInt64(8)));
        return list;
    }
}
