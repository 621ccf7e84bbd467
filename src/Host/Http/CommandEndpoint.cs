using System.Security.Cryptography;
using System.Text;
using SecondChance.Application;
using SecondChance.Application.Idempotency;
using Wolverine;

namespace SecondChance.Host.Http;

/// <summary>
/// The HTTP half of every command: read and validate the body, take If-Match, the actor and the correlation id,
/// honour Idempotency-Key, hand the command to its Wolverine handler and map the outcome to a response. Retries of a
/// lost race, the transaction and the outbox are Wolverine's (<see cref="CommandHandling"/>).
/// </summary>
public static class CommandEndpoint
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    public const int MaxIdempotencyKeyLength = 200;

    /// <param name="command">The use case's command, made from the validated body.</param>
    /// <param name="location">For creating commands: where the created resource lives, a template with <c>{id}</c>.</param>
    /// <param name="refuse">A refusal of the valid body that the caller's place decides (not the domain's), before anything is read or sent.</param>
    public static async Task<IResult> RunAsync<TRequest>(HttpContext http, Func<TRequest, object> command, string? location = null,
        Func<TRequest, IResult?>? refuse = null)
        where TRequest : class, IValidatableRequest
    {
        var key = http.Request.Headers[IdempotencyKeyHeader].ToString();
        if (key.Length > MaxIdempotencyKeyLength)
            return Problems.BadRequest(IdempotencyKeyHeader, $"An idempotency key is at most {MaxIdempotencyKeyLength} characters.");
        var body = await JsonBody.ReadAsync<TRequest>(http);
        if (body.Error is { } invalid) return invalid;
        if (refuse?.Invoke(body.Value!) is { } refused) return refused;
        if (!IfMatch.TryParse(http, out var expected, out var badIfMatch)) return badIfMatch!;

        var context = new CommandContext(http.RequestServices.GetRequiredService<RequestActor>().Resolve(http),
            CorrelationIds.Of(http), expected, Headers: CorrelationIds.HeadersFor(http));
        var bus = http.RequestServices.GetRequiredService<IMessageBus>();
        var ct = http.RequestAborted;
        var message = command(body.Value!);
        if (key.Length == 0) return Respond(http, await bus.SendAsync(message, context, ct), location);

        // the key is kept with the command's events, in the database of the tenant the command writes to
        using var _ = Integrity.Tenancy.TenantScope.Enter(CommandHandling.TenantOf(message));
        var keys = http.RequestServices.GetRequiredService<IdempotencyStore>();
        var hash = RequestHash(http, body.Raw);
        if (await keys.FindAsync(key, ct) is { } earlier) return Replay(http, earlier, hash);
        var result = await bus.SendAsync(message, context with { Idempotency = new IdempotencyClaim(key, hash, location) }, ct);
        if (result.Status == CommandStatus.IdempotencyKeyTaken)
            return Replay(http, await keys.FindAsync(key, ct) ?? throw new InvalidOperationException("Idempotency key vanished."), hash);
        return Respond(http, result, location);
    }

    private static IResult Respond(HttpContext http, CommandResult result, string? location)
    {
        http.RequestServices.GetRequiredService<Telemetry.CommandMetrics>().Record(result.Status is CommandStatus.NotFound ? "not_found" : result.Status.ToString().ToLowerInvariant());
        return result.Status switch
    {
        CommandStatus.Accepted => Write(http, IdempotencyClaim.Render(result, location)),
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
