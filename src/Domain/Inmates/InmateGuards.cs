using System.Globalization;
using static SecondChance.Domain.RefusalCodes;

namespace SecondChance.Domain.Inmates;

internal static class InmateGuards
{
    /// <summary>Admitted and alive: a death in custody ends the record except for the death's own follow-ups.</summary>
    public static Refusal? Exists(InmateState inmate) =>
        Admitted(inmate) ?? (inmate.Died
            ? new Refusal(InmateDied, "The inmate died in custody; only the notification, report and investigation of the death can be recorded.")
            : null);

    public static Refusal? Admitted(InmateState inmate) =>
        inmate.Exists ? null : new Refusal(InmateNotFound, "The inmate has not been admitted.");

    public static Refusal? InCustody(InmateState inmate) =>
        Exists(inmate) ?? (inmate.IsReleased ? new Refusal(InmateIsReleased, "The inmate has been released.") : null);

    public static Refusal? NotInFuture(DateTimeOffset at, DateTimeOffset now, string what) =>
        DomainTime.IsInFuture(at, now) ? new Refusal(DateInFuture, $"{what} is in the future.") : null;

    /// <summary>Something that happened to the inmate: not in the future, and not before they were admitted.</summary>
    public static Refusal? Happened(InmateState inmate, DateTimeOffset at, DateTimeOffset now, string what) =>
        NotInFuture(at, now, what)
        ?? (at < inmate.AdmittedAt
            ? new Refusal(BeforeAdmission, $"{what} ({Stamp(at)}) is before the inmate's admission ({Stamp(inmate.AdmittedAt)}).")
            : null);

    /// <summary>A move (housing, transfer, release) ends the current placement, so it cannot be dated before that began.</summary>
    public static Refusal? NotBeforePlacement(InmateState inmate, DateTimeOffset at, string what) =>
        at < inmate.PlacedAt
            ? new Refusal(EndsBeforeStart,
                $"{what} ({Stamp(at)}) is before the inmate's current placement began ({Stamp(inmate.PlacedAt)}); a stay cannot end before it starts.")
            : null;

    public static Refusal? Required(string? value, string code, string what) =>
        string.IsNullOrWhiteSpace(value) ? new Refusal(code, $"{what} is required.") : null;

    public static string Stamp(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
