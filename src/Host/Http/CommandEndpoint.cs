using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SecondChance.Application;
using SecondChance.Application.Idempotency;

namespace SecondChance.Host.Http;

/// <summary>
/// The HTTP half of every command: read and validate the body, take If-Match, the actor and the correlation id,
/// honour Idempotency-Key, run the use case and map its outcome to a response.
/// </summary>
public static class CommandEndpoint
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    public const int MaxIdempotencyKeyLength = 200;

    // A bound on retries without If-Match, so a stream that never lets go answers 409 after seconds instead of holding the request.
    private const int AttemptsWithoutIfMatch = 40;
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(2);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMilliseconds(250);

    public delegate Task<CommandResult> Handler<in TRequest>(TRequest request, CommandContext context, CancellationToken ct);

    /// <param name="location">For creating commands: where the created resource lives, given the result's id.</param>
    public static async Task<IResult> RunAsync<TRequest>(HttpContext http, Handler<TRequest> handle, Func<Guid, string>? location = null)
        where TRequest : class, IValidatableRequest
    {
        var key = http.Request.Headers[IdempotencyKeyHeader].ToString();
        if (key.Length > MaxIdempotencyKeyLength)
            return Problems.BadRequest(IdempotencyKeyHeader, $"An idempotency key is at most {MaxIdempotencyKeyLength} characters.");
        var body = await JsonBody.ReadAsync<TRequest>(http);
        if (body.Error is { } invalid) return invalid;
        if (!IfMatch.TryParse(http, out var expected, out var badIfMatch)) return badIfMatch!;

        var context = new CommandContext(http.RequestServices.GetRequiredService<RequestActor>().Resolve(http),
            CorrelationIds.Of(http), expected, Headers: CorrelationIds.HeadersFor(http));
        var ct = http.RequestAborted;
        if (key.Length == 0) return Respond(http, await RunWithRetriesAsync(handle, body.Value!, context, ct), location);

        var keys = http.RequestServices.GetRequiredService<IdempotencyStore>();
        var hash = RequestHash(http, body.Raw);
        if (await keys.FindAsync(key, ct) is { } earlier) return Replay(http, earlier, hash);
        var claim = new IdempotencyClaim(key, hash, r => Render(r, location));
        var result = await RunWithRetriesAsync(handle, body.Value!, context with { Idempotency = claim }, ct);
        if (result.Status == CommandStatus.IdempotencyKeyTaken)
            return Replay(http, await keys.FindAsync(key, ct) ?? throw new InvalidOperationException("Idempotency key vanished."), hash);
        return Respond(http, result, location);
    }

    /// <summary>
    /// Without If-Match the caller did not pin a version, so a lost race is decided again on fresh state, as Wolverine's
    /// RetryWithCooldown on a ConcurrencyException does after the move to Marten. The guard is the append's version check
    /// in PostgreSQL, which holds across every Host process; each attempt is its own transaction, so an Idempotency-Key
    /// is recorded only with the attempt that commits. Losers take turns on the stream within this process (plain
    /// optimistic retries on a saturated stream pick a random winner each round, and 16 writers left some requests
    /// losing over 20 times), and back off exponentially with full jitter so losers in different processes do not
    /// collide again in lockstep.
    /// </summary>
    private static async Task<CommandResult> RunWithRetriesAsync<TRequest>(
        Handler<TRequest> handle, TRequest request, CommandContext context, CancellationToken ct)
    {
        var result = await handle(request, context, ct);
        if (!ShouldRetry(result, context)) return result;
        using var turn = await StreamRetryGate.EnterAsync(result.Conflict!.StreamId, ct);
        for (var attempt = 2; ; attempt++)
        {
            result = await handle(request, context, ct);
            if (!ShouldRetry(result, context) || attempt >= AttemptsWithoutIfMatch) return result;
            await Task.Delay(Backoff(attempt), ct);
        }
    }

    private static bool ShouldRetry(CommandResult result, CommandContext context) =>
        result.Status == CommandStatus.Conflict && context.ExpectedVersion is null;

    private static TimeSpan Backoff(int attempt)
    {
        var window = Math.Min(MaxBackoff.TotalMilliseconds, FirstBackoff.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 2, 16)));
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * window);
    }

    private static IResult Respond(HttpContext http, CommandResult result, Func<Guid, string>? location)
    {
        http.RequestServices.GetRequiredService<Telemetry.CommandMetrics>().Record(result.Status is CommandStatus.NotFound ? "not_found" : result.Status.ToString().ToLowerInvariant());
        return result.Status switch
    {
        CommandStatus.Accepted => Write(http, Render(result, location)),
        CommandStatus.NotFound => Problems.NotFound(result.Refusal?.Message ?? "Not found."),
        CommandStatus.Refused => Problems.Refused(result.Refusal!.Code, result.Refusal.Message),
        CommandStatus.Conflict when result.Conflict!.FromIfMatch => PreconditionFailed(http, result.Conflict),
        CommandStatus.Conflict => Problems.Conflict(result.Conflict!),
        _ => throw new InvalidOperationException($"Unexpected command status {result.Status}."),
    };
    }

    private static IResult PreconditionFailed(HttpContext http, VersionConflict conflict)
    {
        http.Response.Headers.ETag = IfMatch.ETag(conflict.ActualVersion);
        return Problems.PreconditionFailed(conflict);
    }

    private static StoredResponse Render(CommandResult result, Func<Guid, string>? location)
    {
        var created = location is not null && result.EventCount > 0;
        var body = JsonSerializer.Serialize(new CommandAccepted(result.Id, result.Version, result.EventCount), JsonBody.Options);
        return new StoredResponse(created ? StatusCodes.Status201Created : StatusCodes.Status200OK, body,
            location?.Invoke(result.Id), IfMatch.ETag(result.Version));
    }

    private static IResult Replay(HttpContext http, IdempotencyRecord earlier, string hash)
    {
        if (earlier.RequestHash != hash)
            return Problems.Refused("idempotency_key_reused", "This Idempotency-Key was used for a different request.");
        http.Response.Headers["Idempotent-Replayed"] = "true";
        return Write(http, earlier.Response);
    }

    private static IResult Write(HttpContext http, StoredResponse response)
    {
        if (response.Location is not null) http.Response.Headers.Location = response.Location;
        if (response.ETag is not null) http.Response.Headers.ETag = response.ETag;
        return Results.Content(response.Body, "application/json", Encoding.UTF8, response.StatusCode);
    }

    private static string RequestHash(HttpContext http, byte[] body)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes($"{http.Request.Method} {http.Request.Path}\n"));
        sha.AppendData(body);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
