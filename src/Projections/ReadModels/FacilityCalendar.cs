using SecondChance.Domain.Facilities;

namespace SecondChance.Projections.ReadModels;

/// <summary>
/// Monthly figures count a moment in the month of its local date at the facility it happened at, in the time zone the
/// facility was registered with: a wage credited at 01:00 on the 1st in Karachi (20:00 UTC the day before) belongs to
/// that month. A projection keeps the zones in its own <c>facility_zones</c> table, fed by <see cref="FacilityRegistered"/>;
/// a facility it has not seen counts in UTC.
/// </summary>
internal sealed class FacilityCalendar
{
    private readonly Dictionary<Guid, TimeZoneInfo> _zones = new();
    private readonly Dictionary<Guid, string> _registered = new();

    public const string Table = """
        create table {schema}.facility_zones (facility_id uuid primary key, time_zone text not null);
        """;

    public static async Task<FacilityCalendar> LoadAsync(ProjectionContext ctx, CancellationToken ct)
    {
        var calendar = new FacilityCalendar();
        await ctx.ReadAsync("select facility_id, time_zone from {schema}.facility_zones",
            r => calendar._zones[r.GetGuid(0)] = Zone(r.GetString(1)), ct);
        return calendar;
    }

    public void Registered(FacilityRegistered e)
    {
        _zones[e.FacilityId] = Zone(e.TimeZoneId);
        _registered[e.FacilityId] = e.TimeZoneId;
    }

    public DateOnly Month(Guid facility, DateTimeOffset at)
    {
        // events come mostly in time order, so the month last found for a facility usually holds the next one too;
        // converting every moment through the zone's rules would cost more than the rest of a dashboard batch
        if (_lastMonth.TryGetValue(facility, out var last) && at >= last.From && at < last.To) return last.Month;
        var zone = _zones.GetValueOrDefault(facility, TimeZoneInfo.Utc);
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var month = new DateOnly(local.Year, local.Month, 1);
        if (Start(month, zone) is { } from && Start(month.AddMonths(1), zone) is { } to) _lastMonth[facility] = (from, to, month);
        return month;
    }

    private readonly Dictionary<Guid, (DateTimeOffset From, DateTimeOffset To, DateOnly Month)> _lastMonth = new();

    /// <summary>The instant a local month begins at, or null where midnight does not exist there (a clock change).</summary>
    private static DateTimeOffset? Start(DateOnly month, TimeZoneInfo zone)
    {
        var midnight = month.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return zone.IsInvalidTime(midnight) ? null : new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(midnight, zone), TimeSpan.Zero);
    }

    private static TimeZoneInfo Zone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    public async Task FlushAsync(ProjectionContext ctx, CancellationToken ct)
    {
        if (_registered.Count == 0) return;
        await ctx.ExecAsync("""
            insert into {schema}.facility_zones select * from unnest($1::uuid[], $2::text[])
            on conflict (facility_id) do update set time_zone = excluded.time_zone
            """, ct, _registered.Keys.ToArray(), _registered.Values.ToArray());
    }
}
