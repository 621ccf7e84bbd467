using static SecondChance.Domain.RefusalCodes;

namespace SecondChance.Domain.Inmates;

internal static class InmateGuards
{
    public static Refusal? Exists(InmateState inmate) =>
        inmate.Exists ? null : new Refusal(InmateNotFound, "The inmate has not been admitted.");

    public static Refusal? InCustody(InmateState inmate) =>
        Exists(inmate) ?? (inmate.IsReleased ? new Refusal(InmateIsReleased, "The inmate has been released.") : null);

    public static Refusal? NotInFuture(DateTimeOffset at, DateTimeOffset now, string what) =>
        DomainTime.IsInFuture(at, now) ? new Refusal(DateInFuture, $"{what} is in the future.") : null;

    public static Refusal? Required(string? value, string code, string what) =>
        string.IsNullOrWhiteSpace(value) ? new Refusal(code, $"{what} is required.") : null;
}
