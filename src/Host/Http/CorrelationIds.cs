using SecondChance.Domain;

namespace SecondChance.Host.Http;

/// <summary>
/// Takes the caller's X-Correlation-Id (or makes one), echoes it on the response and keeps it for event metadata.
/// Ids that are not GUIDs are mapped to a name-based GUID and kept verbatim in the event headers.
/// </summary>
public static class CorrelationIds
{
    public const string Header = "X-Correlation-Id";
    private const int MaxLength = 128;
    private static readonly Guid Namespace = new("0c4c1b8e-3d1f-4f55-8a67-5e2b2f3f9a41");
    private static readonly object GuidKey = new();
    private static readonly object TextKey = new();

    public static async Task Middleware(HttpContext http, RequestDelegate next)
    {
        var supplied = http.Request.Headers[Header].ToString().Trim();
        if (supplied.Length > MaxLength) supplied = supplied[..MaxLength];
        Guid id;
        if (supplied.Length == 0) (id, supplied) = (Guid.CreateVersion7(), "");
        else if (!Guid.TryParse(supplied, out id)) id = DeterministicGuid.Create(Namespace, supplied);
        var echoed = supplied.Length == 0 ? id.ToString() : supplied;
        http.Items[GuidKey] = id;
        http.Items[TextKey] = echoed;
        http.Response.OnStarting(() =>
        {
            http.Response.Headers[Header] = echoed;
            return Task.CompletedTask;
        });
        await next(http);
    }

    public static Guid Of(HttpContext http) => http.Items[GuidKey] is Guid id ? id : Guid.Empty;

    public static string TextOf(HttpContext http) => http.Items[TextKey] as string ?? "";

    /// <summary>Event headers that keep a non-GUID correlation id as the caller sent it.</summary>
    public static IReadOnlyDictionary<string, string>? HeadersFor(HttpContext http) =>
        Guid.TryParse(TextOf(http), out _) ? null : new Dictionary<string, string> { ["correlation-id"] = TextOf(http) };
}
