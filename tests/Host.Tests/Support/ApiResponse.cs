using System.Net;
using System.Text.Json;

namespace SecondChance.Host.Tests.Support;

public sealed record ApiResponse(HttpResponseMessage Message, JsonElement Body)
{
    public HttpStatusCode Status => Message.StatusCode;

    public Guid Id => Body.GetProperty("id").GetGuid();

    public long Version => Body.GetProperty("version").GetInt64();

    public string? ETag => Message.Headers.ETag?.Tag;

    public string? Code => Body.TryGetProperty("code", out var c) ? c.GetString() : null;

    public IReadOnlyList<string> ErrorFields => Body.TryGetProperty("errors", out var e)
        ? e.EnumerateObject().Select(p => p.Name).ToList()
        : [];

    public string? Header(string name) =>
        Message.Headers.TryGetValues(name, out var v) ? v.First()
        : Message.Content.Headers.TryGetValues(name, out var c) ? c.First() : null;

    public override string ToString() => $"{(int)Status} {Body}";
}
