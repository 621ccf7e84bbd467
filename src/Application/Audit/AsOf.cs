using System.Globalization;

namespace SecondChance.Application.Audit;

/// <summary>
/// A value on the effective (business) axis: a date, meaning through the end of that day at the facility, or an
/// instant. Text is the value as it is echoed back: the date as yyyy-MM-dd, the instant in UTC.
/// </summary>
public sealed record AsOf(DateOnly? Date, DateTimeOffset? Instant)
{
    public static AsOf OnDate(DateOnly date) => new(date, null);

    public static AsOf AtInstant(DateTimeOffset instant) => new(null, instant.ToUniversalTime());

    public string Text => Date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Csv.Format(Instant);

    /// <summary>The last instant in effect: the instant itself, or the last tick before the next local midnight.</summary>
    public DateTimeOffset Through(string timeZoneId)
    {
        if (Instant is { } at) return at;
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var z) ? z : TimeZoneInfo.Utc;
        var midnight = Date!.Value.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight)).ToUniversalTime().AddTicks(-1);
    }
}
