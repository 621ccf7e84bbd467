using SecondChance.Integrity.Events;
using SecondChance.Application;
using SecondChance.EventStore;
using SecondChance.Projections.Engine;
using SecondChance.Projections.ReadModels;

namespace SecondChance.Host.Hosting;

/// <summary>
/// Registers the read models, their queries and the projection daemon. Configuration section "Projections":
/// Enabled (default true), Inline (names applied in the append transaction), BatchSize, CatchUpTimeoutSeconds
/// (default 5: how long an audit read waits for its read model to include everything acknowledged). "Reporting:TimeZone" (an IANA
/// id, default Asia/Karachi) is where "today" is taken when a report is asked for without a date. The <c>rebuild [name]</c>
/// verb (<see cref="RebuildAndExitAsync"/>) rebuilds one or all projections with a progress bar and exits.
/// </summary>
public static class ProjectionHosting
{
    public static IServiceCollection AddProjectionDaemon(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Projections");
        var inline = section.GetSection("Inline").Get<string[]>() ?? [];
        var options = new ProjectionOptions
        {
            BatchSize = section.GetValue("BatchSize", 2000),
            CatchUpTimeout = TimeSpan.FromSeconds(section.GetValue("CatchUpTimeoutSeconds", 5.0)),
            Inline = inline.ToHashSet(StringComparer.Ordinal),
        };
        services.AddSingleton(new ReportingCalendar(configuration.GetValue("Reporting:TimeZone", ReportingCalendar.DefaultZoneId)!));
        var registry = new ProjectionRegistry(SecondChanceProjections.Create(), inline);
        services.AddSingleton(options);
        services.AddSingleton(registry);
        services.AddSingleton<ProjectionMetrics>();
        foreach (var p in registry.InlineProjections)
            services.AddSingleton<IInlineProjection>(sp => new InlineProjection(p, sp.GetRequiredService<EventStoreOptions>().Schema));
        services.AddSingleton(sp => new ProjectionStore(sp.GetRequiredService<MartenEventLog>()));
        services.AddSingleton(sp => new ProjectionDaemon(sp.GetRequiredService<ProjectionStore>(), registry, options,
            sp.GetRequiredService<ProjectionMetrics>(), Logger(sp)));
        services.AddSingleton(sp => new ReadModelPositions(sp.GetRequiredService<ProjectionStore>(), registry));
        services.AddSingleton(sp => new ReadModelQueries(sp.GetRequiredService<Npgsql.NpgsqlDataSource>(),
            sp.GetRequiredService<EventStoreOptions>().Schema));
        if (section.GetValue("Enabled", true)) services.AddHostedService<DaemonService>();
        return services;
    }

    public static bool HandlesRebuild(string[] args) => args.Contains("rebuild");

    /// <summary>
    /// The <c>rebuild [name]</c> verb: brings the schema up to date, rebuilds one or all projections with a progress bar
    /// and exits, without starting the web server, so it runs beside a serving Host on the same port.
    /// </summary>
    public static async Task<int> RebuildAndExitAsync(this WebApplication app, string[] args)
    {
        var sp = app.Services;
        var at = Array.IndexOf(args, "rebuild");
        var name = at + 1 < args.Length && !args[at + 1].StartsWith('-') ? args[at + 1] : null;
        try
        {
            await sp.GetRequiredService<SchemaMigrations>().MigrateAsync();
            var registry = sp.GetRequiredService<ProjectionRegistry>();
            var chosen = name is null ? registry.All.ToList()
                : [registry.Find(name) ?? throw new ArgumentException($"No projection is called '{name}'.")];
            await sp.GetRequiredService<ProjectionDaemon>().Rebuilder.RebuildAsync(chosen, new Progress<RebuildProgress>(Draw), default);
            Console.Error.WriteLine();
            Console.WriteLine($"Rebuilt {string.Join(", ", chosen.Select(p => p.Name))}.");
            return 0;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"Rebuild failed: {e.Message}");
            return 1;
        }
        finally
        {
            await sp.GetRequiredService<SecondChanceDatabase>().DisposeAsync();
        }
    }

    private static void Draw(RebuildProgress p)
    {
        var fraction = p.EventsInLog == 0 ? 1 : Math.Min(1, (double)p.EventsApplied / p.EventsInLog);
        var bar = new string('#', (int)(fraction * 40)).PadRight(40, '.');
        Console.Error.Write($"\r[{bar}] {fraction,4:P0} {p.EventsApplied:N0}/{p.EventsInLog:N0} events, {p.EventsPerSecond:N0}/s {p.Phase} {string.Join(",", p.Projections)}   ");
    }

    private static Action<string, Exception?> Logger(IServiceProvider sp)
    {
        var log = sp.GetRequiredService<ILoggerFactory>().CreateLogger("SecondChance.Projections");
        return (message, error) =>
        {
            if (error is null) log.LogInformation("{Message}", message);
            else log.LogWarning(error, "{Message}", message);
        };
    }

    private sealed class DaemonService(ProjectionDaemon daemon, ProjectionStore store, ProjectionRegistry registry) : BackgroundService
    {
        public override async Task StartAsync(CancellationToken ct)
        {
            // inline read models must have their tables before the first append
            await store.EnsureAsync(registry.All, ct);
            await base.StartAsync(ct);
        }

        protected override Task ExecuteAsync(CancellationToken ct) => daemon.RunAsync(ct);
    }
}
