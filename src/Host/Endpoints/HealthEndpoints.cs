using Npgsql;
using SecondChance.Host.Hosting;
using SecondChance.Host.Http;

namespace SecondChance.Host.Endpoints;

/// <summary>
/// Liveness (/health/live: the process serves) and readiness (/health/ready, and /health: the database answers and the
/// start-up migrations and demo seeding are done). Until ready, 503 with Retry-After names the steps still running.
/// </summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/health/live", () => Results.Ok(new HealthStatus("alive"))).WithName("Liveness").WithTags("Health").AllowAnonymous()
            .Produces<HealthStatus>();
        foreach (var (path, name) in new[] { ("/health/ready", "Readiness"), ("/health", "Health") })
            routes.MapGet(path, ReadyAsync).WithName(name).WithTags("Health").AllowAnonymous()
                .Produces<HealthStatus>().ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return routes;
    }

    public sealed record HealthStatus(string Status);

    private static async Task<IResult> ReadyAsync(HttpContext http, NpgsqlDataSource db, Readiness readiness, CancellationToken ct)
    {
        // an unreachable database throws here and becomes 503 with Retry-After (InfrastructureExceptionHandler)
        await using (var cmd = db.CreateCommand("select 1")) await cmd.ExecuteScalarAsync(ct);
        var pending = readiness.Pending;
        if (pending.Count == 0) return Results.Ok(new HealthStatus("healthy"));
        http.Response.Headers.RetryAfter = InfrastructureExceptionHandler.RetryAfterSeconds.ToString();
        return Problems.Status(StatusCodes.Status503ServiceUnavailable, "Starting",
            $"The service is starting: {string.Join(", ", pending)} not finished yet.",
            new Dictionary<string, object?> { ["code"] = "not_ready", ["pending"] = pending });
    }
}
