using SecondChance.Integrity.Events;
using JasperFx.OpenTelemetry;
using Marten;
using Npgsql;
using SecondChance.Integrity;
using SecondChance.Integrity.Moving;
using SecondChance.Integrity.Privacy;
using SecondChance.Integrity.Tenancy;
using SecondChance.Application;
using SecondChance.Projections.OnMarten;

namespace SecondChance.Host.Hosting;

public static class DatabaseHosting
{
    /// <returns>Marten's configuration expression (the read models add the async daemon to it).</returns>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression AddSecondChanceDatabase(this IServiceCollection services)
    {
        services.AddSingleton<SecondChanceDatabase>();
        // resolved once at start-up, before the server listens, so blocking here is harmless
        services.AddSingleton(sp => NpgsqlDataSource.Create(
            sp.GetRequiredService<SecondChanceDatabase>().ConnectionStringAsync().GetAwaiter().GetResult()));
        services.AddSingleton(sp => new EventStoreOptions
        {
            ConnectionString = sp.GetRequiredService<NpgsqlDataSource>().ConnectionString,
        });
        // the home database's registry of provinces, and each request's, command's or job's tenant database (TenantScope)
        services.AddSingleton(sp => new TenantRegistry(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton(sp => new TenantDatabases(sp.GetRequiredService<IDocumentStore>, sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton(sp => sp.GetRequiredService<TenantDatabases>().Current);
        services.AddSingleton<TenantProvisioning>();
        services.AddSingleton(sp => new MartenEventLog(sp.GetRequiredService<IDocumentStore>(), sp.GetRequiredService<TenantDataSource>(),
            sp.GetRequiredService<SubjectKeyring>(), sp.GetRequiredService<EventStoreOptions>().Schema, sp.GetServices<IInlineProjection>(),
            sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton(new ReadinessStep(ReadinessStep.Migrations));
        services.AddSingleton<Readiness>();
        // before Marten's daemon (added to the expression below): hosted services start in order, and the read models'
        // tables must exist before it runs them
        services.AddHostedService<MigrateAtStartup>();
        services.AddHostedService<KeyringRefresh>();
        return services.AddSecondChanceMarten(sp => sp.GetRequiredService<SecondChanceDatabase>().ConnectionStringAsync().GetAwaiter().GetResult(),
            (sp, options) =>
            {
                sp.GetService<MartenReadModels>()?.Register(options);
                // how commands fetch streams for writing: the domain's Evolve, folded live by Marten
                options.AddStreamAggregates();
                // spans per connection and event-append counters on Marten's "Marten" source and meter (TelemetryHosting)
                options.OpenTelemetry.TrackConnections = TrackLevel.Normal;
                options.OpenTelemetry.TrackEventCounters();
            });
    }

    /// <summary>The <c>migrate</c> verb: bring every module's schema up to date, then exit.</summary>
    public static async Task<int> MigrateAndExitAsync(this WebApplication app)
    {
        var applied = await app.Services.GetRequiredService<SchemaMigrations>().MigrateAsync();
        foreach (var step in applied) app.Logger.LogInformation("Applied {Migration}", step);
        await MoveOldStoreAsync(app.Services, app.Logger, default);
        await EnsureReadModelsAsync(app.Services, default);
        app.Logger.LogInformation("Database is up to date ({Count} migrations applied)", applied.Count);
        await app.Services.GetRequiredService<SecondChanceDatabase>().DisposeAsync();
        return 0;
    }

    /// <summary>The <c>add-tenant</c> verb: a province's database, schema and registry row; running nodes pick it up.</summary>
    public static Task<int> AddTenantAndExitAsync(this WebApplication app, string[] args) => TenantVerbAsync(app, args, async option =>
    {
        if (args.Length < 2 || args[1].StartsWith('-') || option("--connection") is not { } connection)
            throw new ArgumentException("usage: add-tenant ID --connection CONNECTION-STRING [--name NAME]");
        await app.Services.GetRequiredService<SchemaMigrations>().MigrateTenantAsync(TenantScope.Home);
        var added = await app.Services.GetRequiredService<TenantProvisioning>().AddAsync(args[1], option("--name") ?? args[1], connection);
        return $"Province '{added.TenantId}' ({added.Name}) is served from database {added.Database}"
               + (added.DatabaseCreated ? ", created now" : "") + $"; {added.Applied.Count} schema steps applied.";
    });

    /// <summary>The <c>disable-tenant</c>, <c>enable-tenant</c> and <c>remove-tenant</c> verbs: stop, resume or end serving a province.</summary>
    public static Task<int> SetTenantServedAndExitAsync(this WebApplication app, string[] args) => TenantVerbAsync(app, args, async option =>
    {
        var verb = args[0];
        var disable = verb == "disable-tenant";
        if (args.Length < 2 || args[1].StartsWith('-') || (disable && string.IsNullOrWhiteSpace(option("--reason"))))
            throw new ArgumentException(disable ? "usage: disable-tenant ID --reason TEXT" : $"usage: {verb} ID");
        var provisioning = app.Services.GetRequiredService<TenantProvisioning>();
        var province = verb switch
        {
            "disable-tenant" => await provisioning.DisableAsync(args[1], option("--reason")!, app.Services.GetRequiredService<TimeProvider>().GetUtcNow()),
            "enable-tenant" => await provisioning.EnableAsync(args[1]),
            _ => await provisioning.RemoveAsync(args[1]),
        };
        if (province is null) throw new ArgumentException($"No province has tenant id '{args[1]}'.");
        return verb == "remove-tenant"
            ? $"Province '{province.Id}' is removed; its database {new NpgsqlConnectionStringBuilder(province.ConnectionString).Database} is left as it is."
            : province.Disabled
                ? $"Province '{province.Id}' is disabled since {province.DisabledAt:u}: {province.DisabledReason}"
                : $"Province '{province.Id}' is served.";
    });

    /// <summary>Runs a province verb: its result on standard output (exit 0), a bad option or no such province 2, a refusal 3.</summary>
    private static async Task<int> TenantVerbAsync(WebApplication app, string[] args, Func<Func<string, string?>, Task<string>> run)
    {
        string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        try
        {
            Console.WriteLine(await run(Option));
            return 0;
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"{args[0]}: {e.Message}");
            return 2;
        }
        catch (TenantProvisioning.ProvinceStateException e)
        {
            await Console.Error.WriteLineAsync($"{args[0]}: {e.Message}");
            return 3;
        }
        finally
        {
            await app.Services.GetRequiredService<SecondChanceDatabase>().DisposeAsync();
        }
    }

    /// <summary>The <c>move-to-marten</c> verb: move what the old event store wrote into Marten's event store, then exit.</summary>
    public static async Task<int> MoveToMartenAndExitAsync(this WebApplication app)
    {
        try
        {
            await app.Services.GetRequiredService<SchemaMigrations>().MigrateAsync();
            var report = await MoveOldStoreAsync(app.Services, app.Logger, default);
            Console.WriteLine(report is null
                ? "No old event store here (no sc.events): nothing to move."
                : $"Moved {report.EventsMoved} events of {report.StreamsMoved} streams; {report.EventsMovedBefore} had been moved before.");
            return 0;
        }
        catch (MoveRefusedException e)
        {
            await Console.Error.WriteLineAsync($"Move refused: {e.Message}");
            return 1;
        }
        finally
        {
            await app.Services.GetRequiredService<SecondChanceDatabase>().DisposeAsync();
        }
    }

    /// <summary>
    /// Moves a database the old event store wrote into Marten (once; later runs find it moved and write nothing), so a
    /// node upgraded in place serves the same history. Null when there is no old store.
    /// </summary>
    public static async Task<MoveReport?> MoveOldStoreAsync(IServiceProvider services, ILogger logger, CancellationToken ct)
    {
        var connectionString = await services.GetRequiredService<SecondChanceDatabase>().ConnectionStringAsync(ct);
        await using (var db = NpgsqlDataSource.Create(connectionString))
        await using (var cmd = db.CreateCommand("select to_regclass('sc.events') is not null"))
            if (await cmd.ExecuteScalarAsync(ct) is not true) return null;
        var report = await new OldStoreMove(connectionString, logger: logger).RunAsync(ct: ct);
        if (report.EventsMoved > 0)
            logger.LogInformation("Moved {Events} events of {Streams} streams from the old event store into Marten", report.EventsMoved, report.StreamsMoved);
        return report;
    }

    /// <summary>The read models' tables in the home database and in every province's, before the daemon runs them.</summary>
    public static async Task EnsureReadModelsAsync(IServiceProvider services, CancellationToken ct)
    {
        if (services.GetService<MartenReadModels>() is not { } readModels) return;
        foreach (var tenant in await services.GetRequiredService<IDocumentStore>().Provinces().ServedTenantsAsync(ct))
            using (TenantScope.Enter(tenant))
                await readModels.EnsureAsync(ct);
    }

    private sealed class MigrateAtStartup(SchemaMigrations migrations, SecondChanceDatabase database, IHostApplicationLifetime lifetime,
        Readiness readiness, IServiceProvider services, ILogger<MigrateAtStartup> logger) : IHostedService
    {
        public async Task StartAsync(CancellationToken ct)
        {
            await migrations.MigrateAsync(ct);
            await MoveOldStoreAsync(services, logger, ct);
            await EnsureReadModelsAsync(services, ct);
            readiness.Complete(ReadinessStep.Migrations);
            lifetime.ApplicationStopped.Register(() => database.DisposeAsync().AsTask().GetAwaiter().GetResult());
        }

        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    }
}
