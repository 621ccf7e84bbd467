using System.Text.Json;

namespace SecondChance.Application.Idempotency;

/// <summary>
/// A request's Idempotency-Key, the hash of what was asked, and where a created resource lives (a template with
/// <c>{id}</c>, for creating commands): enough to render, with the command's outcome, the response that is stored
/// with the command's events and replayed for a retry.
/// </summary>
public sealed record IdempotencyClaim(string Key, string RequestHash, string? LocationTemplate = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The accepted command's response: 201 with Location when something was created, else 200; ETag is the version.</summary>
    public static StoredResponse Render(CommandResult result, string? locationTemplate)
    {
        var created = locationTemplate is not null && result.EventCount > 0;
        var body = JsonSerializer.Serialize(new CommandAccepted(result.Id, result.Version, result.EventCount), Json);
        return new StoredResponse(created ? 201 : 200, body, locationTemplate?.Replace("{id}", result.Id.ToString()), ETag(result.Version));
    }

    public StoredResponse Render(CommandResult result) => Render(result, LocationTemplate);

    /// <summary>A stream version as an ETag (<c>"3"</c>): what the response carries and If-Match sends back.</summary>
    public static string ETag(long version) => $"\"{version.ToString(System.Globalization.CultureInfo.InvariantCulture)}\"";
}
