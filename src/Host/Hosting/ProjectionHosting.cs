using SecondChance.Integrity.Tenancy;
using JasperFx.Events.Daemon;
using Marten;
using SecondChance.Application;
using SecondChance.Integrity;
using SecondChance.Integrity.Privacy;
using SecondChance.Projections.OnMarten;
using SecondChance.Projections.ReadModels;

namespace SecondChance.Host.Hosting;

/// <summary>How long an audit read waits for its read model to include everything acknowledged before the request.</summary>
public sealed record ReadModelWaits(TimeSpan CatchUpTimeout);

/// <summary>
/// Registers the read models on Marten's async daemon (<see cref="MartenReadModels"/>), their queries and their rebuild.
/// Configuration section "Projections": Enabled (default true: this node takes its share of the read models, which
/// Wolverine spreads over the nodes that run projections, each on exactly one node, and moves off a node that dies), BatchSize, CatchUpTimeoutSeconds (default 5: how long an audit read waits for its
/// read model to include everything acknowledged), StaleSequenceThresholdSeconds (default 1: Marten's stale-gap threshold). "Reporting:TimeZone" (an IANA id, default Asia/Karachi) is where
/// "today" is taken when a report is asked for without a date. The <c>rebuild [name]</c> verb
/// (<see cref="RebuildAndExitAsync"/>) rebuilds one or all read models with a progress bar and exits.
/// </summary>
public static class ProjectionHosting
{
    public static IServiceCollection AddProjectionDaemon(this IServiceCollection services, IConfiguration configuration,
        MartenServiceCollectionExtensions.MartenConfigurationExpression marten)
    {
        var section = configuration.GetSection("Projections");
        services.AddSingleton(new ReportingCalendar(configuration.GetValue("Reporting:TimeZone", ReportingCalendar.DefaultZoneId)!));
        services.AddSingleton(new ReadModelWaits(TimeSpan.FromSeconds(section.GetValue("CatchUpTimeoutSeconds", 5.0))));
        var options = new MartenReadModelOptions
        {
            BatchSize = section.GetValue("BatchSize", 2000),
            // safe at any value (a gap is skipped only when no live transaction can fill it); it is how soon the gap a
            // rolled-back append leaves (a conflict on a busy stream) is passed, which audit reads wait for
            StaleSequenceThreshold = TimeSpan.FromSeconds(section.GetValue("StaleSequenceThresholdSeconds", 1.0)),
        };
        // registered with Marten's store by AddSecondChanceDatabase; its tables are made at start-up before the daemon starts
        services.AddSingleton(sp => new MartenReadModels(sp.GetRequiredService<SecondChance.Integrity.Tenancy.TenantDataSource>(), SecondChanceProjections.Create(), options));
        services.AddSingleton<ReadModelRebuilds>();
        services.AddSingleton(sp => new ReadModelQueries(sp.GetRequiredService<SecondChance.Integrity.Tenancy.TenantDataSource>(),
            sp.GetRequiredService<SecondChance.Integrity.Events.EventStoreOptions>().Schema));
        // no Marten daemon mode here: Wolverine's agent distribution runs the daemon (MessagingHosting)
        if (RunsProjections(configuration)) services.AddHostedService<StaleRebuildAtStartup>();
        return services;
    }

    /// <summary>Projections:Enabled (default true): this node takes a share of the read models.</summary>
    public static bool RunsProjections(IConfiguration configuration) => configuration.GetValue("Projections:Enabled", true);

    public static bool HandlesRebuild(string[] args) => args.Contains("rebuild");

    /// <summary>
    /// The <c>rebuild [name]</c> verb: brings the schema up to date, rebuilds one or all read models with a progress bar
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
            using var _ = TenantScope.Enter(await Cli.CliTenant.ResolveAsync(sp, args));
            var models = sp.GetRequiredService<MartenReadModels>();
            var chosen = name is null ? models.Projections.Select(p => p.Name).ToList()
                : [models.Find(name)?.Name ?? throw new ArgumentException($"No projection is called '{name}'.")];
            await (await sp.GetRequiredService<ReadModelRebuilds>().RebuilderAsync()).RebuildAsync(chosen, new Progress<RebuildProgress>(Draw), default);
            Console.Error.WriteLine();
            Console.WriteLine($"Rebuilt {string.Join(", ", chosen)}.");
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

    /// <summary>Read models another code version built, or marked by an erasure this node did not finish, are rebuilt in the background.</summary>
    private sealed class StaleRebuildAtStartup(ReadModelRebuilds rebuilds, Marten.IDocumentStore store, ILogger<StaleRebuildAtStartup> logger) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken ct)
        {
            try
            {
                foreach (var tenant in await store.Provinces().ServedTenantsAsync(ct))
                {
                    using var _ = TenantScope.Enter(tenant);
                    var rebuilt = await (await rebuilds.RebuilderAsync(ct)).RebuildStaleAsync(null, ct);
                    if (rebuilt.Count > 0) logger.LogInformation("Rebuilt the read models {Projections} of {Tenant} at start-up", string.Join(", ", rebuilt), tenant);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
            catch (Exception e) { logger.LogError(e, "Rebuilding stale read models at start-up failed"); }
        }
    }
}

/// <summary>Rebuilders of the read models of the tenant the work runs in (<see cref="TenantScope"/>), each on that tenant's database.</summary>
public sealed class ReadModelRebuilds(MartenReadModels models, SecondChanceDatabase database, TenantRegistry tenants, SubjectKeyring keyring,
    ILoggerFactory logs)
{
    /// <summary>
    /// A rebuilder through a Marten store configured as the application's (connection, events, keys). Once it has read
    /// models to build, it loads every key before Marten reads: a key the ring does not hold is read on its own,
    /// synchronously, while Marten deserialises, which made a rebuild in a fresh process (the verb, or at start-up before
    /// the first refresh) about a third slower (docs/benchmarks.md, "Keys before a rebuild").
    /// </summary>
    public async Task<MartenReadModelRebuilder> RebuilderAsync(CancellationToken ct = default)
    {
        var tenant = TenantScope.Current;
        var connectionString = TenantScope.IsHome(tenant)
            ? await database.ConnectionStringAsync(ct)
            : (await tenants.FindAsync(tenant, ct))?.ConnectionString ?? throw new ArgumentException($"No province has tenant id '{tenant}'.");
        return models.Rebuilder(o =>
        {
            o.Connection(connectionString);
            o.ConfigureSecondChanceEvents(logs.CreateLogger("Marten"), keyring);
        }, keyring.RefreshAsync);
    }
}
