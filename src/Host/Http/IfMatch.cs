using System.Globalization;

namespace SecondChance.Host.Http;

/// <summary>If-Match carries the stream version a client last read, as the ETag "&lt;version&gt;".</summary>
public static class IfMatch
{
    public const string Header = "If-Match";

    public static bool TryParse(HttpContext http, out long? version, out IResult? error)
    {
        version = null;
        error = null;
        var raw = http.Request.Headers[Header].ToString().Trim();
        if (raw.Length == 0 || raw == "*") return true;
        var tag = raw.StartsWith("W/", StringComparison.Ordinal) ? raw[2..] : raw;
        tag = tag.Trim('"');
        if (long.TryParse(tag, NumberStyles.None, CultureInfo.InvariantCulture, out var v))
        {
            version = v;
            return true;
        }
        error = Problems.BadRequest(Header, "If-Match is the ETag of the resource as last read, such as \"3\".");
        return false;
    }

    public static string ETag(long version) => SecondChance.Application.Idempotency.IdempotencyClaim.ETag(version);
}
