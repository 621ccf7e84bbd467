namespace SecondChance.Projections.ReadModels;

/// <summary>
/// The zone "today" is taken in when a report is asked for without a date (Reporting:TimeZone, an IANA id; default
/// Asia/Karachi). Figures themselves are counted at each facility's own local date (see FacilityCalendar).
/// </summary>
public sealed class ReportingCalendar(TimeZoneInfo zone)
{
    public const string DefaultZoneId = "Asia/Karachi";

    public TimeZoneInfo Zone { get; } = zone;

    /// <summary>The calendar of a named zone; Asia/Karachi falls back to a fixed UTC+05:00 where the system lacks zone data.</summary>
    public static ReportingCalendar For(string zoneId)
    {
        if (TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone)) return new ReportingCalendar(zone);
        if (zoneId == DefaultZoneId)
            return new ReportingCalendar(TimeZoneInfo.CreateCustomTimeZone(DefaultZoneId, TimeSpan.FromHours(5), "Pakistan Standard Time", "PKT"));
        throw new ArgumentException($"The reporting time zone '{zoneId}' is not known on this machine.", nameof(zoneId));
    }

    public DateOnly Date(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Zone).DateTime);
}
