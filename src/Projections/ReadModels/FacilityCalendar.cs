using SecondChance.Domain;
using SecondChance.Domain.Facilities;
using SecondChance.Projections.Engine;

namespace SecondChance.Projections.ReadModels;

/// <summary>
/// Monthly figures count a moment in the month of its local date at the facility it happened at, in the time zone the
/// facility was registered with: a wage credited at 01:00 on the 1st in Karachi (20:00 UTC the day before) belongs to
/// that month. A projection keeps the zones in its own <c>facility_zones</c> table, fed by <see cref="FacilityRegistered"/>;
/// a facility it has not seen counts in UTC.
/// </summary>
internal sealed class FacilityCalendar
{
    private readonly Dictionary<Guid, string> _zones = new();
    private readonly Dictionary<Guid, string> _registered = new();

    public const string Table = """
        create table {schema}.facility_zones (facility_id uuid primary key, time_zone text not null);
        """;

    public static async Task<FacilityCalendar> LoadAsync(ProjectionContext ctx, CancellationToken ct)
    {
        var calendar = new FacilityCalendar();
        await ctx.ReadAsync("select facility_id, time_zone from {schema}.facility_zones",
            r => calendar._zones[r.GetGuid(0)] = r.GetString(1), ct);
        return calendar;
    }

    public void Registered(FacilityRegistered e) => _zones[e.FacilityId] = _registered[e.FacilityId] = e.TimeZoneId;

    public DateOnly Month(Guid facility, DateTimeOffset at)
    {
        var local = DomainTime.LocalDate(at.ToUniversalTime(), _zones.GetValueOrDefault(facility, "UTC"));
        return new DateOnly(local.Year, local.Month, 1);
    }

    public async Task FlushAsync(ProjectionContext ctx, CancellationToken ct)
    {
        if (_registered.Count == 0) return;
        await ctx.ExecAsync("""
            insert into {schema}.facility_zones select * from unnest($1::uuid[], $2::text[])
            on conflict (facility_id) do update set time_zone = excluded.time_zone
            """, ct, _registered.Keys.ToArray(), _registered.Values.ToArray());
    }
}
