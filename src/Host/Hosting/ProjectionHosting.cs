using SecondChance.EventStore;
using SecondChance.Projections.Engine;
using SecondChance.Projections.ReadModels;

namespace SecondChance.Host.Hosting;

/// <summary>
/// Registers the read models, their queries and the projection daemon. Configuration section "Projections":
/// Enabled (default true), Inline (names applied in the append transaction), BatchSize. The <c>rebuild [name]</c>
/// verb rebuilds one or all projections with a progress bar and then stops the process.
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
            Inline = inline.ToHashSet(StringComparer.Ordinal),
        };
        var registry = new ProjectionRegistry(SecondChanceProjections.Create(), inline);
        services.AddSingleton(options);
        services.AddSingleton(registry);
        services.AddSingleton<ProjectionMetrics>();
        foreach (var p in registry.InlineProjections)
            services.AddSingleton<IInlineProjection>(sp => new InlineProjection(p, sp.GetRequiredService<EventStoreOptions>().Schema));
        services.AddSingleton(sp => new ProjectionStore(sp.GetRequiredService<PgEventStore>()));
        services.AddSingleton(sp => new ProjectionDaemon(sp.GetRequiredService<ProjectionStore>(), registry, options,
            sp.GetRequiredService<ProjectionMetrics>(), Logger(sp)));
        services.AddSingleton(sp => new ReadModelQueries(sp.GetRequiredService<Npgsql.NpgsqlDataSource>(),
            sp.GetRequiredService<EventStoreOptions>().Schema));
        var args = Environment.GetCommandLineArgs();
        var verb = Array.IndexOf(args, "rebuild");
        if (verb >= 0) services.AddHostedService(sp => new RebuildVerb(sp, verb + 1 < args.Length ? args[verb + 1] : null));
        else if (section.GetValue("Enabled", true)) services.AddHostedService<DaemonService>();
        return services;
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

    private sealed class RebuildVerb(IServiceProvider sp, string? name) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken ct)
        {
            var lifetime = sp.GetRequiredService<IHostApplicationLifetime>();
            var daemon = sp.GetRequiredService<ProjectionDaemon>();
            var registry = sp.GetRequiredService<ProjectionRegistry>();
            try
            {
                var chosen = name is null || name.StartsWith('-') ? registry.All.ToList()
                    : [registry.Find(name) ?? throw new ArgumentException($"No projection is called '{name}'.")];
                await daemon.Rebuilder.RebuildAsync(chosen, new Progress<RebuildProgress>(Draw), ct);
                Console.WriteLine($"{Environment.NewLine}Rebuilt {string.Join(", ", chosen.Select(p => p.Name))}.");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Console.Error.WriteLine($"Rebuild failed: {e.Message}");
                Environment.ExitCode = 1;
            }
            lifetime.StopApplication();
        }

        private static void Draw(RebuildProgress p)
        {
            var fraction = p.EventsInLog == 0 ? 1 : Math.Min(1, (double)p.EventsApplied / p.EventsInLog);
            var bar = new string('#', (int)(fraction * 40)).PadRight(40, '.');
            Console.Write($"\r[{bar}] {fraction,4:P0} {p.EventsApplied:N0}/{p.EventsInLog:N0} events, {p.EventsPerSecond:N0}/s {p.Phase} {string.Join(",", p.Projections)}   ");
        }
    }
}
