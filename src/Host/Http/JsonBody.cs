using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecondChance.Host.Http;

/// <summary>
/// Reads a bounded JSON body into a request record: 413 when too large, 415 when not JSON, 400 with field errors
/// when malformed, of the wrong type, missing or invalid.
/// </summary>
public static class JsonBody
{
    public const int MaxBytes = 64 * 1024;

    public static readonly JsonSerializerOptions Options = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        // enum values by name only: a number is a wrong type, not a silent mapping
        options.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
        return options;
    }

    public sealed record Read<T>(T? Value, byte[] Raw, IResult? Error);

    public static async Task<Read<T>> ReadAsync<T>(HttpContext http) where T : class, IValidatableRequest
    {
        if (http.Request.ContentLength > MaxBytes) return Fail<T>(Problems.TooLarge());
        if (!http.Request.HasJsonContentType())
            return Fail<T>(Problems.Status(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                "Send the body as application/json."));

        byte[] raw;
        try
        {
            raw = await ReadBoundedAsync(http.Request.Body, http.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Fail<T>(Problems.TooLarge());
        }
        if (raw.Length > MaxBytes) return Fail<T>(Problems.TooLarge());

        var errors = new FieldErrors();
        T? value = null;
        try
        {
            value = raw.Length == 0 ? null : JsonSerializer.Deserialize<T>(raw, Options);
            if (value is null) errors.Add("body", "A JSON object is required.");
        }
        catch (JsonException e)
        {
            errors.Add(FieldOf(e.Path), e.Path is null or "$"
                ? "The body is not well-formed JSON."
                : "The value is malformed or of the wrong type.");
        }
        value?.Validate(errors);
        return errors.Any ? Fail<T>(Results.ValidationProblem(errors.ToDictionary())) : new Read<T>(value, raw, null);
    }

    private static async Task<byte[]> ReadBoundedAsync(Stream body, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int n;
        while ((n = await body.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, n);
            if (buffer.Length > MaxBytes) break;
        }
        return buffer.ToArray();
    }

    private static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    private static Read<T> Fail<T>(IResult error) => new(default, [], error);
}
