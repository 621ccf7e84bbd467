using Npgsql;

namespace SecondChance.Host.Endpoints;

public static class SecondChanceEndpoints
{
    public static IEndpointRouteBuilder MapSecondChanceEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/health", async (NpgsqlDataSource db, CancellationToken ct) =>
        {
            await using var cmd = db.CreateCommand("select 1");
            await cmd.ExecuteScalarAsync(ct);
            return Results.Ok(new { status = "healthy" });
        }).WithTags("Health").WithName("Health").AllowAnonymous();
        return routes
            .MapFacilityEndpoints()
            .MapInmateEndpoints()
            .MapProgrammeEndpoints()
            .MapItemEndpoints()
            .MapWageEndpoints()
            .MapMentorEndpoints()
            .MapAuditEndpoints()
            .MapOversightEndpoints();
    }
}
