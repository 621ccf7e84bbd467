namespace SecondChance.Application.Audit;

/// <summary>
/// The two time axes an audit question is asked on, never mixed. AsOf is the effective axis: what the record says
/// about that date, counting what took effect up to EffectiveThrough. KnownAt is the recording axis: only what was
/// recorded at or before it. No AsOf counts everything in effect; no KnownAt counts everything recorded so far.
/// </summary>
public sealed record TimeAxes(string? AsOf, DateTimeOffset? EffectiveThrough, DateTimeOffset? KnownAt)
{
    public static TimeAxes Present { get; } = new(null, null, null);

    public static TimeAxes For(AsOf? asOf, DateTimeOffset? knownAt, string timeZoneId) =>
        new(asOf?.Text, asOf?.Through(timeZoneId), knownAt?.ToUniversalTime());

    public bool IsPresent => EffectiveThrough is null && KnownAt is null;

    public bool InEffect(DateTimeOffset effectiveAt) => EffectiveThrough is not { } through || effectiveAt <= through;

    /// <summary>
    /// The instant rules are judged at: the end of AsOf, but never later than what could be known (KnownAt, or now).
    /// </summary>
    public DateTimeOffset JudgedAt(DateTimeOffset now)
    {
        var known = KnownAt is { } k && k < now ? k : now;
        return EffectiveThrough is { } through && through < known ? through : known;
    }
}
