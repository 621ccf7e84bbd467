using SecondChance.Integrity.Events;
using Marten;
using Npgsql;
using SecondChance.Integrity;
using SecondChance.Integrity.Privacy;
using SecondChance.Application;
using SecondChance.EventStore;

namespace SecondChance.Host.Hosting;

public static class DatabaseHosting
{
    public static IServiceCollection AddSecondChanceDatabase(this IServiceCollection services)
    {
        services.AddSingleton<SecondChanceDatabase>();
        // resolved once at start-up, before the server listens, so blocking here is harmless
        services.AddSingleton(sp => NpgsqlDataSource.Create(
            sp.GetRequiredService<SecondChanceDatabase>().ConnectionStringAsync().GetAwaiter().GetResult()));
        services.AddSingleton(sp => new EventStoreOptions
        {
            ConnectionString = sp.GetRequiredService<NpgsqlDataSource>().ConnectionString,
        });
        services.AddSecondChanceMarten(sp => sp.GetRequiredService<SecondChanceDatabase>().ConnectionStringAsync().GetAwaiter().GetResult());
        services.AddSingleton(sp => new MartenEventLog(sp.GetRequiredService<IDocumentStore>(), sp.GetRequiredService<NpgsqlDataSource>(),
            sp.GetRequiredService<SubjectKeyring>(), sp.GetRequiredService<EventStoreOptions>().Schema, sp.GetServices<IInlineProjection>()));
        services.AddSingleton(new ReadinessStep(ReadinessStep.Migrations));
        services.AddSingleton<Readiness>();
        services.AddHostedService<MigrateAtStartup>();
        return services;
    }

    /// <summary>The <c>migrate</c> verb: bring every module's schema up to date, then exit.</summary>
    public static async Task<int> MigrateAndExitAsync(this WebApplication app)
    {
        var applied = await app.Services.GetRequiredService<SchemaMigrations>().MigrateAsync();
        foreach (var step in applied) app.Logger.LogInformation("Applied {Migration}", step);
        app.Logger.LogInformation("Database is up to date ({Count} migrations applied)", applied.Count);
        await app.Services.GetRequiredService<SecondChanceDatabase>().DisposeAsync();
        return 0;
    }

    private sealed class MigrateAtStartup(SchemaMigrations migrations, SecondChanceDatabase database, IHostApplicationLifetime lifetime,
        Readiness readiness) : IHostedService
    {
        public async Task StartAsync(CancellationToken ct)
        {
            await migrations.MigrateAsync(ct);
            readiness.Complete(ReadinessStep.Migrations);
            lifetime.ApplicationStopped.Register(() => database.DisposeAsync().AsTask().GetAwaiter().GetResult());
        }

        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    }
}
