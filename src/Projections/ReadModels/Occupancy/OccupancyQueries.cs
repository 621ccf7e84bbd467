using SecondChance.Integrity.Tenancy;
using Npgsql;

namespace SecondChance.Projections.ReadModels.Occupancy;

/// <summary>A ward's occupancy against its certified capacity; the rate is null for a ward with no capacity certified.</summary>
public sealed record WardOccupancyView(Guid WardId, string Name, string Category, int Occupancy, int? Capacity, decimal? Rate,
    IReadOnlyList<MonthlyOccupancy> Months);

/// <summary>The most people the ward held in a month (local to the facility), and its capacity at the month's end.</summary>
public sealed record MonthlyOccupancy(string Month, int Peak, int? Capacity);

public sealed record FacilityOccupancyView(Guid FacilityId, DateTimeOffset At, int Occupancy, int? Capacity, decimal? Rate,
    IReadOnlyList<WardOccupancyView> Wards);

public sealed class OccupancyQueries(TenantDataSource dataSource, string schema)
{
    /// <summary>Occupancy now and the monthly peaks of the last <paramref name="months"/> months, per ward of the facility.</summary>
    public async Task<FacilityOccupancyView> FacilityAsync(Guid facilityId, DateTimeOffset now, TimeZoneInfo zone, int months, CancellationToken ct)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var firstMonth = new DateTime(local.Year, local.Month, 1).AddMonths(1 - months);
        var starts = Enumerable.Range(0, months + 1).Select(k => Instant(firstMonth.AddMonths(k), zone)).ToArray();
        await using var cmd = dataSource.CreateCommand($"""
            select w.ward_id, w.name, w.category,
                   coalesce((select sum(c.delta) from {schema}.changes c where c.ward_id = w.ward_id and c.at <= $2), 0)::int,
                   (select k.capacity from {schema}.capacities k where k.ward_id = w.ward_id and k.effective_from <= $2 order by k.effective_from desc limit 1),
                   array(select coalesce(greatest(
                             (select sum(c.delta) from {schema}.changes c where c.ward_id = w.ward_id and c.at <= m.s),
                             (select max(run.level) from (select sum(c.delta) over (order by c.at, c.position, c.delta) +
                                      coalesce((select sum(b.delta) from {schema}.changes b where b.ward_id = w.ward_id and b.at <= m.s), 0) as level,
                                      c.at from {schema}.changes c where c.ward_id = w.ward_id and c.at > m.s and c.at < m.e) run)), 0)::int
                         from unnest($3::timestamptz[], $4::timestamptz[]) as m(s, e) order by m.s),
                   array(select coalesce((select k.capacity from {schema}.capacities k where k.ward_id = w.ward_id and k.effective_from < m.e
                                          order by k.effective_from desc limit 1), 0)
                         from unnest($4::timestamptz[]) as m(e) order by m.e)
              from {schema}.wards w where w.facility_id = $1 order by w.name
            """);
        cmd.Parameters.Add(new() { Value = facilityId });
        cmd.Parameters.Add(new() { Value = now.ToUniversalTime() });
        cmd.Parameters.Add(new() { Value = starts[..^1] });
        cmd.Parameters.Add(new() { Value = starts[1..].Select(s => (s < now ? s : now).ToUniversalTime()).ToArray() });
        var wards = new List<WardOccupancyView>();
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
            {
                int? capacity = r.IsDBNull(4) ? null : r.GetInt32(4);
                var peaks = r.GetFieldValue<int[]>(5);
                var capacities = r.GetFieldValue<int[]>(6);
                var series = peaks.Select((p, k) => new MonthlyOccupancy(firstMonth.AddMonths(k).ToString("yyyy-MM"), p, capacities[k] == 0 ? null : capacities[k])).ToList();
                wards.Add(new WardOccupancyView(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetInt32(3), capacity, Rate(r.GetInt32(3), capacity), series));
            }
        var total = wards.Sum(w => w.Occupancy);
        int? certified = wards.All(w => w.Capacity is null) ? null : wards.Sum(w => w.Capacity ?? 0);
        return new FacilityOccupancyView(facilityId, now, total, certified, Rate(wards.Where(w => w.Capacity is not null).Sum(w => w.Occupancy), certified), wards);
    }

    private static decimal? Rate(int occupancy, int? capacity) => capacity is > 0 ? Math.Round((decimal)occupancy / capacity.Value, 3) : null;

    private static DateTimeOffset Instant(DateTime local, TimeZoneInfo zone) => new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
}
