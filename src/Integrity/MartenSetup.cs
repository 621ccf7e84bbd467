using System.Text.Json;
using JasperFx.Events;
using Marten;
using Marten.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SecondChance.Domain;
using SecondChance.Integrity.Privacy;
using SecondChance.Integrity.HashChain;
using SecondChance.Integrity.Tenancy;
using Weasel.Core;

namespace SecondChance.Integrity;

/// <summary>
/// How SecondChance stores events in Marten: today's string stream ids and aliases, today's JSON, every metadata
/// column, projections that stop on a bad event instead of skipping it, logs without parameter values, and the
/// per-stream hash chain on Marten's events table.
/// </summary>
public static class MartenSetup
{
    /// <summary>
    /// Marten's tables live apart from the old store's <c>sc</c> schema, so both can sit in one database while data
    /// moves across, and the hash trigger's target is plainly Marten's table.
    /// </summary>
    public const string Schema = "sc_events";

    /// <summary>
    /// True: serve provinces, each a Marten tenant with a database of its own (<see cref="ProvinceTenancy"/>). False (the
    /// default): the home database alone, with Marten's and Wolverine's single-database behaviour.
    /// </summary>
    public const string ProvincesSetting = "Tenancy:Provinces";

    public static MartenServiceCollectionExtensions.MartenConfigurationExpression AddSecondChanceMarten(this IServiceCollection services,
        string connectionString, Action<StoreOptions>? configure = null) =>
        services.AddSecondChanceMarten(_ => connectionString, configure is null ? null : (_, o) => configure(o));

    /// <param name="connectionString">Asked once, when the store is first needed (a host may start its database first).</param>
    /// <param name="configure">More store configuration (the read models' projections), after the events'.</param>
    /// <returns>Marten's configuration expression, for the caller to add the async daemon.</returns>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression AddSecondChanceMarten(this IServiceCollection services,
        Func<IServiceProvider, string> connectionString, Action<IServiceProvider, StoreOptions>? configure = null)
    {
        services.AddSingleton(provider => new SubjectKeyring(NpgsqlDataSource.Create(connectionString(provider))));
        return services.AddMarten(provider =>
        {
            var options = new StoreOptions();
            options.Connection(connectionString(provider));
            options.UseProvinceTenancy(connectionString(provider), ServesProvinces(provider));
            options.ConfigureSecondChanceEvents(provider.GetService<ILoggerFactory>()?.CreateLogger("Marten"),
                provider.GetRequiredService<SubjectKeyring>());
            configure?.Invoke(provider, options);
            return options;
        });
    }

    /// <summary>
    /// Database per province (<see cref="ProvinceTenancy"/>): the home database at <paramref name="homeConnectionString"/>
    /// is the default tenant and holds the registry of the others.
    /// </summary>
    /// <param name="provinces">Serve the provinces in the registry (and those added later) besides the home database.</param>
    public static StoreOptions UseProvinceTenancy(this StoreOptions options, string homeConnectionString, bool provinces)
    {
        var builder = new NpgsqlDataSourceBuilder(homeConnectionString);
        TuneConnections(builder.ConnectionStringBuilder);
        var home = builder.Build();
        options.Tenancy = new ProvinceTenancy(options, home, new TenantRegistry(home), provinces);
        return options;
    }

    private static bool ServesProvinces(IServiceProvider provider) => string.Equals(
        provider.GetService<Microsoft.Extensions.Configuration.IConfiguration>()?[ProvincesSetting], "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Personal fields of events, per <see cref="DomainPersonalData"/>: encrypted under each person's key.</summary>
    public static IReadOnlyDictionary<Type, PersonalDataSpec> PersonalData { get; } =
        DomainPersonalData.All.ToDictionary(p => p.Type, p => new PersonalDataSpec(p.SubjectProperty, p.Properties));

    /// <param name="keyring">Keys for personal data; without one, writing or reading an event with personal fields throws.</param>
    public static StoreOptions ConfigureSecondChanceEvents(this StoreOptions options, ILogger? logger = null, SubjectKeyring? keyring = null)
    {
        options.DatabaseSchemaName = Schema;
        options.Events.DatabaseSchemaName = Schema;
        options.Events.StreamIdentity = StreamIdentity.AsString;

        // today's stored JSON: web defaults (camelCase, case-insensitive reads) with enums by name
        var serializer = new Marten.Services.SystemTextJsonSerializer(new JsonSerializerOptions(JsonSerializerDefaults.Web))
        {
            EnumStorage = EnumStorage.AsString,
            Casing = Casing.CamelCase,
        };
        // personal fields as "enc:v1:…" strings inside that JSON (crypto-shredding; docs/marten-move.md says why not masking)
        serializer.Configure(o => o.Converters.Add(new PersonalDataConverterFactory(PersonalData, keyring)));
        options.Serializer(serializer);

        foreach (var (type, alias) in DomainEventTypes.All) options.Events.MapEventType(type, alias);

        var metadata = options.Events.MetadataConfig;
        metadata.CorrelationIdEnabled = true;
        metadata.CausationIdEnabled = true;
        metadata.HeadersEnabled = true;
        metadata.UserNameEnabled = true; // EnableAll() leaves this one off

        // a projection that meets an event it cannot apply, read or recognise pauses and says so; it never skips it
        foreach (var errors in new[] { options.Projections.Errors, options.Projections.RebuildErrors })
        {
            errors.SkipApplyErrors = false;
            errors.SkipSerializationErrors = false;
            errors.SkipUnknownEvents = false;
        }

        // auto-prepare on every data source Marten builds: TuneConnections says why
        options.ConfigureNpgsqlDataSourceBuilder(builder => TuneConnections(builder.ConnectionStringBuilder));

        options.Logger(new RedactingMartenLogger(logger ?? NullLogger.Instance));
        options.Storage.Add(new HashChainSchema(options));
        options.Storage.Add(new SubjectKeysSchema(options));
        return options;
    }

    /// <summary>
    /// Marten takes a pooled connection for each round trip of a session and hands it back at once, and Npgsql
    /// resets a returned connection before its next use. Without prepared statements that reset is DISCARD ALL,
    /// which also drops PostgreSQL's cached plans of Marten's append function and of the chain trigger, so every
    /// append planned them again (about a quarter of the raw insert's rate). With auto-prepare Npgsql resets without
    /// discarding plans, and the append call is parsed and planned once per connection. An explicit Max Auto Prepare
    /// in the connection string wins. No Reset On Close would gain more but is not safe here: Marten's document bulk
    /// insert leaves a temporary table on its connection for the reset to drop. docs/benchmarks.md has the figures.
    /// </summary>
    public static void TuneConnections(NpgsqlConnectionStringBuilder connection)
    {
        if (connection.MaxAutoPrepare == 0) (connection.MaxAutoPrepare, connection.AutoPrepareMinUsages) = (32, 2);
    }
}
