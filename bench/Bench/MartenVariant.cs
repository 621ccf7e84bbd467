using JasperFx.Events;

namespace SecondChance.Bench;

/// <summary>
/// One way of appending through Marten, written as tokens joined by '/': the append mode (<c>quickts</c>, the app's
/// default, <c>quick</c> or <c>rich</c>), <c>fetch</c> to load the stream with FetchForWriting before appending at
/// its version (what a use case does) instead of appending at a version the client tracks, <c>nochain</c> for a
/// store without the hash-chain trigger, and Npgsql/Marten settings on top of the app's: <c>noprep</c> (Npgsql's
/// defaults, no auto-prepare: stock Marten), <c>noreset</c> (No Reset On Close), <c>nopolly</c> (no write resilience
/// pipeline), <c>sticky</c> (one connection per session: Marten's UseStickyConnectionLifetimes).
/// </summary>
public sealed record MartenVariant(string Name, EventAppendMode Mode, bool Fetch, bool Chain, bool NoPrepare, bool NoReset, bool NoPolly, bool Sticky)
{
    public static MartenVariant Parse(string spec)
    {
        var tokens = spec.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var known = new[] { "quickts", "quick", "rich", "fetch", "known", "nochain", "noprep", "noreset", "nopolly", "sticky" };
        if (tokens.FirstOrDefault(t => !known.Contains(t)) is { } unknown)
            throw new ArgumentException($"unknown token '{unknown}' in variant '{spec}'; known: {string.Join(", ", known)}");
        var mode = tokens.Contains("rich") ? EventAppendMode.Rich
            : tokens.Contains("quick") ? EventAppendMode.Quick
            : EventAppendMode.QuickWithServerTimestamps;
        return new MartenVariant(spec, mode, tokens.Contains("fetch"), !tokens.Contains("nochain"), tokens.Contains("noprep"),
            tokens.Contains("noreset"), tokens.Contains("nopolly"), tokens.Contains("sticky"));
    }

    /// <summary>Variants that differ only in connection or session settings share one schema (same tables and functions).</summary>
    public string Schema => $"mb_{Mode switch
    {
        EventAppendMode.Rich => "rich",
        EventAppendMode.Quick => "quick",
        _ => "quickts",
    }}{(Chain ? "" : "_nochain")}";
}
