using SecondChance.Integrity.Tenancy;
using Npgsql;
using NpgsqlTypes;

namespace SecondChance.Projections.ReadModels.Dashboard;

public sealed class DashboardQueries(TenantDataSource dataSource, string schema)
{
    /// <summary>
    /// One facility, or all when <paramref name="facilityId"/> is null; the first releases due within 90 days of today.
    /// <paramref name="within"/> narrows every figure and list to those facilities (the reader's scope; null for all).
    /// </summary>
    public async Task<DashboardView> GetAsync(Guid? facilityId, DateOnly fromMonth, DateOnly toMonth, DateOnly today, CancellationToken ct = default,
        int releasesLimit = 200, IReadOnlyCollection<Guid>? within = null)
    {
        var scope = Scope(within);
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var batch = new NpgsqlBatch(conn)
        {
            BatchCommands =
            {
                Command($"""
                    select female, status, sum(n)::bigint from {schema}.status_counts
                     where ($1::uuid is null or facility_id = $1) and ($2::uuid[] is null or facility_id = any($2))
                     group by female, status having sum(n) <> 0 order by female, status
                    """, facilityId, scope()),
                Command($"""
                    select month, metric, female, programme_id, craft, sum(n)::bigint, sum(amount)::bigint from {schema}.monthly
                     where ($1::uuid is null or facility_id = $1) and month between $2 and $3 and ($4::uuid[] is null or facility_id = any($4))
                     group by month, metric, female, programme_id, craft order by month, metric, female, craft
                    """, facilityId, new DateOnly(fromMonth.Year, fromMonth.Month, 1), toMonth, scope()),
                Command($"""
                    select i.inmate_id, i.prisoner_number, i.facility_id, i.female, i.expected_release, i.certified > 0, i.mentor_id is not null,
                           (select count(*) from {schema}.contacts c where c.inmate_id = i.inmate_id and c.contact_at >= $2::date - 30),
                           i.savings, i.follow_ups, coalesce(k.goals::text, '[]'), coalesce(k.payout_planned, false), coalesce(k.follow_up_planned, false)
                      from {schema}.inmates i left join {schema}.readiness k on k.inmate_id = i.inmate_id
                     where i.status = 'admitted' and i.expected_release between $2 and $2 + 90 and ($1::uuid is null or i.facility_id = $1)
                       and ($4::uuid[] is null or i.facility_id = any($4))
                     order by i.expected_release, i.prisoner_number limit $3
                    """, facilityId, today, Math.Clamp(releasesLimit, 1, 2000), scope()),
                Command($"""
                    select facility_id, stage, kind, count(*), count(*) filter (where registered), count(*) filter (where first_sale),
                           count(*) filter (where first_month_profitable), sum(granted)::bigint, sum(returned)::bigint
                      from {schema}.ventures
                     where ($1::uuid is null or facility_id = $1) and ($2::uuid[] is null or facility_id = any($2))
                     group by facility_id, stage, kind order by facility_id, stage, kind
                    """, facilityId, scope()),
            },
        };
        await using var r = await batch.ExecuteReaderAsync(ct);
        var counts = new List<StatusCount>();
        while (await r.ReadAsync(ct)) counts.Add(new StatusCount(r.GetBoolean(0), r.GetString(1), r.GetInt64(2)));
        await r.NextResultAsync(ct);
        var monthly = new List<MonthlyFigure>();
        while (await r.ReadAsync(ct))
        {
            var programme = r.GetGuid(3);
            monthly.Add(new MonthlyFigure(r.GetFieldValue<DateOnly>(0), r.GetString(1), r.GetBoolean(2),
                programme == Guid.Empty ? null : programme, r.GetString(4) is { Length: > 0 } craft ? craft : null, r.GetInt64(5), r.GetInt64(6)));
        }
        await r.NextResultAsync(ct);
        var due = new List<ReleaseReadiness>();
        while (await r.ReadAsync(ct))
        {
            var expected = r.GetFieldValue<DateOnly>(4);
            var facts = new SecondChance.Domain.Inmates.ReadinessFacts(r.GetBoolean(5), r.GetInt64(8), r.GetBoolean(11), r.GetBoolean(6),
                r.GetBoolean(12), Readiness.Parse(r.GetString(10)));
            due.Add(new ReleaseReadiness(r.GetGuid(0), r.GetString(1), r.GetGuid(2), r.GetBoolean(3), expected,
                expected <= today.AddDays(30), r.GetBoolean(5), r.GetBoolean(6), r.GetInt64(7), r.GetInt64(8), r.GetInt32(9),
                SecondChance.Domain.Inmates.ReleaseReadinessAssessment.Assess(facts, today)));
        }
        await r.NextResultAsync(ct);
        var ventures = new List<VentureStageCount>();
        while (await r.ReadAsync(ct))
            ventures.Add(new VentureStageCount(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6),
                r.GetInt64(7), r.GetInt64(8)));
        return new DashboardView(facilityId, counts, monthly, due, ventures);
    }

    private static NpgsqlBatchCommand Command(string sql, params object?[] args)
    {
        var cmd = new NpgsqlBatchCommand(sql);
        foreach (var a in args)
            cmd.Parameters.Add(a switch
            {
                null => new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid },
                NpgsqlParameter p => p,
                _ => new NpgsqlParameter { Value = a },
            });
        return cmd;
    }

    /// <summary>A fresh parameter each time: a parameter belongs to one command.</summary>
    private static Func<NpgsqlParameter> Scope(IReadOnlyCollection<Guid>? within) => () =>
        new NpgsqlParameter { Value = (object?)within?.ToArray() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid };
}
