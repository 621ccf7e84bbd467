using Marten;
using Npgsql;
using SecondChance.Integrity;
using SecondChance.Integrity.Privacy;
using Weasel.Core;

namespace SecondChance.Bench;

/// <summary>
/// Marten stores on the bench database, configured as the app configures Marten (<see cref="MartenSetup.ConfigureSecondChanceEvents"/>),
/// one schema per append mode and chain setting. A store without the chain is the app's configuration with the chain
/// trigger dropped from its schema after Marten created it, so everything else stays identical.
/// </summary>
public sealed class MartenStores(BenchDatabase db) : IAsyncDisposable
{
    public const string BenchAlias = "bench_event.v1";
    private readonly Dictionary<string, DocumentStore> _stores = new();
    private readonly HashSet<string> _schemasReady = new();

    /// <summary>The connection string as configured (Npgsql's defaults); Marten's data source gets the app's tuning on top.</summary>
    public string AppConnectionString => new NpgsqlConnectionStringBuilder(db.ConnectionString)
    {
        MaxAutoPrepare = 0, AutoPrepareMinUsages = 5, MaxPoolSize = 100,
    }.ConnectionString;

    public async Task<DocumentStore> ForAsync(MartenVariant variant)
    {
        var key = $"{variant.Schema}|{variant.NoPrepare}|{variant.NoReset}|{variant.NoPolly}|{variant.Sticky}";
        if (_stores.TryGetValue(key, out var existing)) return existing;

        var keyring = new SubjectKeyring(db.DataSource, variant.Schema);
        var store = DocumentStore.For(options =>
        {
            options.Connection(AppConnectionString);
            options.ConfigureSecondChanceEvents(keyring: keyring);
            // through Marten's own hook for the data sources it builds, after the app's (MartenSetup.TuneConnections)
            options.ConfigureNpgsqlDataSourceBuilder(builder =>
            {
                if (variant.NoPrepare) (builder.ConnectionStringBuilder.MaxAutoPrepare, builder.ConnectionStringBuilder.AutoPrepareMinUsages) = (0, 5);
                if (variant.NoReset) builder.ConnectionStringBuilder.NoResetOnClose = true;
            });
            options.UseStickyConnectionLifetimes = variant.Sticky;
            options.DatabaseSchemaName = variant.Schema;
            options.Events.DatabaseSchemaName = variant.Schema;
            options.Events.AppendMode = variant.Mode;
            options.Events.MapEventType(typeof(BenchEvent), BenchAlias);
            if (variant.NoPolly) options.ConfigureWritePolly(_ => { });
            // the schema is applied once below; at run time Marten must not put the dropped trigger back
            options.AutoCreateSchemaObjects = JasperFx.AutoCreate.None;
        });
        if (_schemasReady.Add(variant.Schema))
        {
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync(JasperFx.AutoCreate.CreateOrUpdate);
            if (!variant.Chain)
                await db.ExecAsync($"drop trigger {Integrity.HashChain.HashChainSchema.LinkTrigger} on {variant.Schema}.mt_events");
        }
        _stores[key] = store;
        return store;
    }

    /// <summary>Whether the chain trigger is on each schema's events table now, as a check that a run measured what it says.</summary>
    public async Task<string> TriggerReportAsync()
    {
        await using var cmd = db.DataSource.CreateCommand($"""
            select string_agg(n.nspname || ': ' || case when exists (select 1 from pg_trigger t where t.tgrelid = c.oid and t.tgname = '{Integrity.HashChain.HashChainSchema.LinkTrigger}')
                   then 'chain trigger on' else 'no chain trigger' end, ', ' order by n.nspname)
              from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.relname = 'mt_events' and n.nspname like 'mb\_%'
            """);
        return (string)(await cmd.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores.Values) await store.DisposeAsync();
    }
}
