namespace SecondChance.Domain;

public static class DomainTime
{
    /// <summary>Tolerated clock difference between a recording device and the server.</summary>
    public static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(5);

    public static bool IsInFuture(DateTimeOffset at, DateTimeOffset now) => at > now + AllowedSkew;

    public static DateOnly LocalDate(DateTimeOffset at, string timeZoneId) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone)
            ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime)
            : DateOnly.FromDateTime(at.DateTime);

    public static int AgeOn(DateOnly dateOfBirth, DateOnly on)
    {
        var age = on.Year - dateOfBirth.Year;
        if (on < dateOfBirth.AddYears(age)) age--;
        return age;
    }
}
