using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SecondChance.Host.Tests.Support;

/// <summary>A thin JSON client: every call returns the status and the parsed body.</summary>
public sealed class Api(HttpClient client)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public HttpClient Client => client;

    public Task<ApiResponse> PostAsync(string path, object body, params (string Name, string Value)[] headers) =>
        SendRawAsync(HttpMethod.Post, path, JsonSerializer.Serialize(body, Json), headers);

    public Task<ApiResponse> PutAsync(string path, object body, params (string Name, string Value)[] headers) =>
        SendRawAsync(HttpMethod.Put, path, JsonSerializer.Serialize(body, Json), headers);

    public async Task<ApiResponse> SendRawAsync(
        HttpMethod method, string path, string? json, (string Name, string Value)[] headers, string mediaType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, mediaType);
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        return await ReadAsync(await client.SendAsync(request));
    }

    public Task<ApiResponse> DeleteAsync(string path) => SendRawAsync(HttpMethod.Delete, path, null, []);

    public async Task<ApiResponse> GetAsync(string path, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        return await ReadAsync(await client.SendAsync(request));
    }

    private static async Task<ApiResponse> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return new ApiResponse(response, body);
    }

    public static (string, string) IfMatch(long version) => ("If-Match", $"\"{version}\"");

    public static (string, string) IdempotencyKey(string key) => ("Idempotency-Key", key);

    public static MediaTypeHeaderValue JsonType => new("application/json");
}
