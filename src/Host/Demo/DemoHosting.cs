using SecondChance.Application;
using SecondChance.Host.Hosting;

namespace SecondChance.Host.Demo;

/// <summary>
/// The <c>seed-demo</c> verb, and seeding on start when SECONDCHANCE_SEED_DEMO is true (scripts/run.sh sets it
/// unless told otherwise; SECONDCHANCE_DEMO_INMATES says how many inmates, 360 by default). Both leave a database that
/// already holds the demo alone. The Host is not ready (/health/ready) until seeding on start has finished.
/// With <c>--provinces</c> (on start: SECONDCHANCE_DEMO_PROVINCES) the demo is seeded in two provinces instead (<see cref="DemoProvinces"/>).
/// </summary>
public static class DemoHosting
{
    public const string SeedOnStartSetting = "SECONDCHANCE_SEED_DEMO";
    public const string InmatesSetting = "SECONDCHANCE_DEMO_INMATES";

    /// <param name="seedOnStart">False when a verb runs: the verb seeds (seed-demo) or has nothing to do with the demo.</param>
    public static IServiceCollection AddDemoSeeding(this IServiceCollection services, IConfiguration configuration, bool seedOnStart = true)
    {
        services.AddSingleton<DemoSeeder>();
        services.AddSingleton<DemoAdministrator>();
        services.AddSingleton<DemoProvinces>();
        if (!seedOnStart || !configuration.GetValue<bool>(SeedOnStartSetting)) return services;
        services.AddSingleton(new ReadinessStep(ReadinessStep.DemoSeeding));
        services.AddHostedService<SeedOnStart>();
        return services;
    }

    /// <summary>
    /// The <c>seed-demo</c> verb: starts the Host (Wolverine runs the commands; the web server listens on a free loopback
    /// port only while it seeds), seeds, and stops.
    /// </summary>
    public static async Task<int> SeedDemoAndExitAsync(this WebApplication app, string[] args)
    {
        await app.Services.GetRequiredService<SchemaMigrations>().MigrateAsync();
        var inmates = args.SkipWhile(a => a != "--inmates").Skip(1).Select(int.Parse).DefaultIfEmpty(DemoSeeder.DefaultInmates).First();
        app.Urls.Clear();
        app.Urls.Add("http://127.0.0.1:0");
        await app.StartAsync();
        try
        {
            DemoSeedResult result;
            try
            {
                result = args.Contains(DemoProvinces.Option)
                    ? await app.Services.GetRequiredService<DemoProvinces>().SeedAsync(inmates)
                    : await app.Services.GetRequiredService<DemoSeeder>().SeedAsync(inmates);
            }
            catch (ArgumentException e)
            {
                await Console.Error.WriteLineAsync($"seed-demo: {e.Message}");
                return 2;
            }
            Console.WriteLine(result.Seeded ? $"Seeded the demo: {result.Commands} commands ({result.Refused} refused)." : "The demo data is already there.");
        }
        finally
        {
            await app.StopAsync();
        }
        await app.Services.GetRequiredService<Hosting.SecondChanceDatabase>().DisposeAsync();
        return 0;
    }

    private sealed class SeedOnStart(DemoSeeder seeder, DemoProvinces provinces, DemoAdministrator admin, Readiness readiness,
        IConfiguration configuration, ILogger<SeedOnStart> logger) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken ct)
        {
            try
            {
                await admin.EnsureAsync(ct);
                if (configuration.GetValue<bool>(DemoProvinces.Setting))
                {
                    await provinces.SeedAsync(configuration.GetValue(InmatesSetting, DemoSeeder.DefaultInmates), ct);
                    return;
                }
                if (await seeder.AlreadySeededAsync(ct)) return;
                logger.LogInformation("Seeding demo data (set {Setting}=false to start empty)", SeedOnStartSetting);
                await seeder.SeedAsync(configuration.GetValue(InmatesSetting, DemoSeeder.DefaultInmates), ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
            catch (Exception e) { logger.LogError(e, "Demo seeding failed"); }
            finally { readiness.Complete(ReadinessStep.DemoSeeding); }
        }
    }
}
