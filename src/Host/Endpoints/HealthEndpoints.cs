using Microsoft.Extensions.Diagnostics.HealthChecks;
using SecondChance.Host.Http;

namespace SecondChance.Host.Endpoints;

/// <summary>
/// Liveness (/health/live: the process serves) and readiness (/health/ready, and /health: every health check of
/// HealthHosting passes: database, start-up steps, Marten's daemon, read models neither paused nor too far behind).
/// Ready answers the report: status and each check's status and description. Not ready is 503 with Retry-After and
/// ProblemDetails holding the same checks; while start-up steps run, code "not_ready" and "pending" name them.
/// </summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/health/live", () => Results.Ok(new LivenessBody("alive"))).WithName("Liveness").WithTags("Health").AllowAnonymous()
            .Produces<LivenessBody>();
        foreach (var (path, name) in new[] { ("/health/ready", "Readiness"), ("/health", "Health") })
            routes.MapGet(path, ReadyAsync).WithName(name).WithTags("Health").AllowAnonymous()
                .Produces<HealthReportBody>()
                .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return routes;
    }

    private static async Task<IResult> ReadyAsync(HttpContext http, HealthCheckService health, CancellationToken ct)
    {
        var report = await health.CheckHealthAsync(ct);
        var checks = report.Entries.ToDictionary(e => e.Key, e => new HealthCheckBody(Word(e.Value.Status), Describe(e.Value)));
        if (report.Status != HealthStatus.Unhealthy) return Results.Ok(new HealthReportBody(Word(report.Status), checks));

        http.Response.Headers.RetryAfter = InfrastructureExceptionHandler.RetryAfterSeconds.ToString();
        var failing = report.Entries.Where(e => e.Value.Status == HealthStatus.Unhealthy).ToList();
        var pending = report.Entries.TryGetValue("startup", out var startup) && startup.Data.TryGetValue("pending", out var p)
            ? (IReadOnlyList<string>)p : [];
        var extensions = new Dictionary<string, object?> { ["code"] = "not_ready", ["checks"] = checks };
        if (pending.Count > 0) extensions["pending"] = pending;
        return Problems.Status(StatusCodes.Status503ServiceUnavailable, pending.Count > 0 ? "Starting" : "Not ready",
            $"The service is not ready: {string.Join(" ", failing.Select(e => $"{e.Key}: {Describe(e.Value)}"))}", extensions);
    }

    private static string Word(HealthStatus status) => status.ToString().ToLowerInvariant();

    // a check's exception never reaches the client (its message may name hosts or drivers); the log has it
    private static string Describe(HealthReportEntry entry) => entry.Description is { Length: > 0 } d && entry.Exception is null ? d
        : entry.Status == HealthStatus.Healthy ? "ok" : "failed; see the Host's log";

    public sealed record LivenessBody(string Status);

    public sealed record HealthCheckBody(string Status, string Description);

    public sealed record HealthReportBody(string Status, IReadOnlyDictionary<string, HealthCheckBody> Checks);
}
