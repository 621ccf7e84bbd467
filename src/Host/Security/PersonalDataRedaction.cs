using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace SecondChance.Host.Security;

/// <summary>
/// For a reader without personal-data access (oversight without the grant), replaces names, identity numbers,
/// phone numbers and free-text health or mentoring summaries in the response with "[redacted]" (in a timeline, the
/// recorder's display name and the parts its summary is made of, too).
/// </summary>
public sealed class PersonalDataRedaction : IEndpointFilter
{
    public const string Redacted = "[redacted]";

    private static readonly HashSet<string> Fields = new(StringComparer.OrdinalIgnoreCase)
    {
        "fullName", "cnic", "phone", "summary", "femaleEntryScreening", "notes", "corrections", "makerNames", "displayName",
        "recordedBy", "summaryParts",
    };

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var http = context.HttpContext;
        if (http.User.SeesPersonalData() || result is null) return result;
        var json = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        return result switch
        {
            IValueHttpResult { Value: { } value } and IStatusCodeHttpResult code when result is not ProblemHttpResult and not ValidationProblem =>
                Results.Json(Redact(JsonSerializer.SerializeToNode(value, value.GetType(), json)), json, statusCode: code.StatusCode),
            IResult => result,
            _ => Results.Json(Redact(JsonSerializer.SerializeToNode(result, result.GetType(), json)), json),
        };
    }

    public static JsonNode? Redact(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, value) in o.ToList())
                {
                    if (Fields.Contains(name) && value is not null)
                        o[name] = value is JsonArray ? new JsonArray() : JsonValue.Create(Redacted);
                    else Redact(value);
                }
                break;
            case JsonArray a:
                foreach (var item in a) Redact(item);
                break;
        }
        return node;
    }
}
