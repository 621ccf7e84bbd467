using SecondChance.Domain;

namespace SecondChance.Projections.ReadModels;

/// <summary>
/// The zone "today" is taken in when a report is asked for without a date (Reporting:TimeZone, an IANA id; default
/// Asia/Karachi; a zone this machine does not know counts as UTC, as for facilities). Figures themselves are counted at
/// each facility's own local date (see FacilityCalendar).
/// </summary>
public sealed record ReportingCalendar(string ZoneId)
{
    public const string DefaultZoneId = "Asia/Karachi";

    public DateOnly Date(DateTimeOffset at) => DomainTime.LocalDate(at.ToUniversalTime(), ZoneId);
}
