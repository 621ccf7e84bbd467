using System.Text;

namespace SecondChance.Host.Http;

/// <summary>
/// PostgreSQL text and jsonb cannot hold the NUL character, so a request carrying one (in the query string or a JSON
/// body, raw or as \u0000) is refused up front with a 400 instead of failing deep inside a query.
/// </summary>
public static class NulCharacterGuard
{
    private static readonly byte[] Escaped = Encoding.ASCII.GetBytes("\\u0000");

    public static async Task Middleware(HttpContext http, RequestDelegate next)
    {
        if (http.Request.Query.Any(q => q.Key.Contains('\0') || q.Value.Any(v => v?.Contains('\0') == true)))
        {
            await Refuse(http, "query", "The query string must not contain the NUL character.");
            return;
        }
        if (http.Request.ContentLength is > 0 and <= JsonBody.MaxBytes && http.Request.HasJsonContentType())
        {
            http.Request.EnableBuffering();
            var body = new byte[(int)http.Request.ContentLength.Value];
            var read = 0;
            while (read < body.Length)
            {
                var n = await http.Request.Body.ReadAsync(body.AsMemory(read), http.RequestAborted);
                if (n == 0) break;
                read += n;
            }
            http.Request.Body.Position = 0;
            var span = body.AsSpan(0, read);
            if (span.IndexOf((byte)0) >= 0 || ContainsIgnoreCase(span, Escaped))
            {
                await Refuse(http, "body", "Text must not contain the NUL character (\\u0000).");
                return;
            }
        }
        await next(http);
    }

    private static bool ContainsIgnoreCase(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> needle)
    {
        for (var i = haystack.IndexOf((byte)'\\'); i >= 0 && i + needle.Length <= haystack.Length; )
        {
            if (Ascii.EqualsIgnoreCase(haystack.Slice(i, needle.Length), needle) && IsEscapeStart(haystack, i)) return true;
            var next = haystack[(i + 1)..].IndexOf((byte)'\\');
            i = next < 0 ? -1 : i + 1 + next;
        }
        return false;
    }

    // "\\u0000" is an escaped backslash followed by text, not a NUL: an escape starts after an even run of backslashes
    private static bool IsEscapeStart(ReadOnlySpan<byte> text, int at)
    {
        var run = 0;
        for (var j = at - 1; j >= 0 && text[j] == (byte)'\\'; j--) run++;
        return run % 2 == 0;
    }

    private static Task Refuse(HttpContext http, string field, string message) =>
        Problems.BadRequest(field, message).ExecuteAsync(http);
}
