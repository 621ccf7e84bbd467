using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using SecondChance.Integrity.Events;
using SecondChance.Integrity.Tenancy;

namespace SecondChance.Host.Http;

/// <summary>
/// Unhandled errors become problem details without internals: 503 with Retry-After when the database cannot be
/// reached, the request's own status for a bad request, 500 otherwise.
/// </summary>
public sealed class InfrastructureExceptionHandler(IProblemDetailsService problems, ILogger<InfrastructureExceptionHandler> logger)
    : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var disabled = ProvinceGuard.Refused(exception);
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException e => (e.StatusCode, "Bad request", e.StatusCode == 413 ? "The request body is too large." : "The request could not be read."),
            InvalidAppendException e => (StatusCodes.Status400BadRequest, "Bad request", e.Reason),
            // a node that had not yet seen the province disabled: its database refused the write, and nothing of it is kept
            _ when disabled => (StatusCodes.Status503ServiceUnavailable, "Province disabled",
                $"This province is disabled: {Security.TenantResolution.DisabledDetail}"),
            _ when IsUnavailable(exception) => (StatusCodes.Status503ServiceUnavailable, "Service unavailable",
                "The database cannot be reached just now; try again shortly."),
            _ => (StatusCodes.Status500InternalServerError, "Internal server error", "The request failed; it has been logged."),
        };
        if (disabled) logger.LogWarning("A write to a disabled province was refused by its database");
        else if (status >= 500) logger.LogError(exception, "Request failed with {Status}", status);
        if (status == StatusCodes.Status503ServiceUnavailable && !disabled) http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString();
        http.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (disabled) problem.Extensions["code"] = Security.TenantResolution.DisabledCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, Exception = exception, ProblemDetails = problem });
    }

    private static bool IsUnavailable(Exception e) => e switch
    {
        PostgresException pg => pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState.StartsWith("53", StringComparison.Ordinal)
                                || pg.SqlState.StartsWith("57P", StringComparison.Ordinal),
        NpgsqlException or SocketException or TimeoutException => true,
        _ => e.InnerException is { } inner && IsUnavailable(inner),
    };
}
