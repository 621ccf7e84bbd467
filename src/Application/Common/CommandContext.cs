using SecondChance.Application.Idempotency;

namespace SecondChance.Application;

/// <summary>
/// Who asks, under which correlation id, what version of the addressed stream they saw (If-Match), and the
/// idempotency claim to record with the outcome.
/// </summary>
public sealed record CommandContext(
    string Actor,
    Guid CorrelationId,
    long? ExpectedVersion = null,
    IdempotencyClaim? Idempotency = null,
    IReadOnlyDictionary<string, string>? Headers = null);
