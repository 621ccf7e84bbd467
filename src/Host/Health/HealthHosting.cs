using Npgsql;

namespace SecondChance.Host.Health;

/// <summary>
/// The readiness checks on ASP.NET Core health checks: "database" (AspNetCore.HealthChecks.NpgSql on the Host's data
/// source), "startup" (migrations and demo seeding done), "daemon" (Marten's async daemon runs here, when this node runs
/// it) "projections" (none paused, none past the lag bound) and "provinces" (none moved since this node started). /health/ready runs them all (HealthEndpoints).
/// </summary>
public static class HealthHosting
{
    public static IServiceCollection AddSecondChanceHealth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new HealthOptions(
            configuration.GetValue("Health:MaxProjectionLagEvents", HealthOptions.DefaultMaxProjectionLagEvents)));
        var checks = services.AddHealthChecks()
            .AddNpgSql(sp => sp.GetRequiredService<NpgsqlDataSource>(), name: "database", timeout: TimeSpan.FromSeconds(5))
            .AddCheck<StartupHealthCheck>("startup");
        if (configuration.GetValue("Projections:Enabled", true)) checks.AddCheck<DaemonHealthCheck>("daemon");
        checks.AddCheck<ProjectionsHealthCheck>("projections");
        checks.AddCheck<ProvincesHealthCheck>("provinces");
        return services;
    }
}
