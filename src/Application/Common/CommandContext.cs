using System.Globalization;
using Marten;
using SecondChance.Application.Idempotency;

namespace SecondChance.Application;

/// <summary>
/// Who asks, under which correlation id, what version of the addressed stream they saw (If-Match), and the
/// idempotency claim to record with the outcome. It travels to the handler in the Wolverine envelope's headers;
/// there it is joined by the session Wolverine opened for the message (enlisted in its outbox).
/// </summary>
public sealed record CommandContext(
    string Actor,
    Guid CorrelationId,
    long? ExpectedVersion = null,
    IdempotencyClaim? Idempotency = null,
    IReadOnlyDictionary<string, string>? Headers = null)
{
    private const string Prefix = "sc-";
    private const string ActorHeader = Prefix + "actor";
    private const string CorrelationHeader = Prefix + "correlation-id";
    private const string ExpectedHeader = Prefix + "expected-version";
    private const string KeyHeader = Prefix + "idempotency-key";
    private const string HashHeader = Prefix + "idempotency-hash";
    private const string LocationHeader = Prefix + "idempotency-location";
    private const string EventHeaderPrefix = Prefix + "event-header-";

    /// <summary>The session the command's events, read models, idempotency record and outgoing messages commit in.</summary>
    public IDocumentSession? Session { get; init; }

    public Dictionary<string, string?> ToHeaders()
    {
        var headers = new Dictionary<string, string?>
        {
            [ActorHeader] = Actor,
            [CorrelationHeader] = CorrelationId.ToString(),
        };
        if (ExpectedVersion is { } expected) headers[ExpectedHeader] = expected.ToString(CultureInfo.InvariantCulture);
        if (Idempotency is { } claim)
        {
            headers[KeyHeader] = claim.Key;
            headers[HashHeader] = claim.RequestHash;
            if (claim.LocationTemplate is { } location) headers[LocationHeader] = location;
        }
        foreach (var (name, value) in Headers ?? new Dictionary<string, string>()) headers[EventHeaderPrefix + name] = value;
        return headers;
    }

    public static CommandContext FromHeaders(IReadOnlyDictionary<string, string?> headers)
    {
        string? Get(string name) => headers.TryGetValue(name, out var v) ? v : null;
        var actor = Get(ActorHeader) ?? throw new InvalidOperationException("A command arrived without an actor.");
        var claim = Get(KeyHeader) is { } key ? new IdempotencyClaim(key, Get(HashHeader) ?? "", Get(LocationHeader)) : null;
        var eventHeaders = headers.Where(h => h.Key.StartsWith(EventHeaderPrefix, StringComparison.Ordinal) && h.Value is not null)
            .ToDictionary(h => h.Key[EventHeaderPrefix.Length..], h => h.Value!);
        return new CommandContext(actor,
            Guid.TryParse(Get(CorrelationHeader), out var correlation) ? correlation : Guid.Empty,
            long.TryParse(Get(ExpectedHeader), NumberStyles.None, CultureInfo.InvariantCulture, out var expected) ? expected : null,
            claim,
            eventHeaders.Count == 0 ? null : eventHeaders);
    }
}
