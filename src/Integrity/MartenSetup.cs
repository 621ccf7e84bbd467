using System.Text.Json;
using JasperFx.Events;
using Marten;
using Marten.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SecondChance.Domain;
using SecondChance.Integrity.HashChain;
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

    public static IServiceCollection AddSecondChanceMarten(this IServiceCollection services, string connectionString,
        Action<StoreOptions>? configure = null)
    {
        services.AddMarten(provider =>
        {
            var options = new StoreOptions();
            options.Connection(connectionString);
            options.ConfigureSecondChanceEvents(provider.GetService<ILoggerFactory>()?.CreateLogger("Marten"));
            configure?.Invoke(options);
            return options;
        });
        return services;
    }

    public static StoreOptions ConfigureSecondChanceEvents(this StoreOptions options, ILogger? logger = null)
    {
        options.DatabaseSchemaName = Schema;
        options.Events.DatabaseSchemaName = Schema;
        options.Events.StreamIdentity = StreamIdentity.AsString;

        // today's stored JSON: web defaults (camelCase, case-insensitive reads) with enums by name
        options.Serializer(new Marten.Services.SystemTextJsonSerializer(new JsonSerializerOptions(JsonSerializerDefaults.Web))
        {
            EnumStorage = EnumStorage.AsString,
            Casing = Casing.CamelCase,
        });

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

        options.Logger(new RedactingMartenLogger(logger ?? NullLogger.Instance));
        options.Storage.Add(new HashChainSchema(options));
        return options;
    }
}
