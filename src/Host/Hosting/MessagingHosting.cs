using Wolverine.ErrorHandling;
using SecondChance.Integrity.Tenancy;
using JasperFx.CodeGeneration;
using Marten;
using SecondChance.Application;
using SecondChance.Host.Notifications;
using Wolverine;
using Wolverine.Marten;

namespace SecondChance.Host.Hosting;

public static class MessagingHosting
{
    /// <summary>Where Wolverine keeps its envelopes (the outbox, scheduled and dead-letter messages) and its node records.</summary>
    public const string Schema = "sc_messages";

    /// <summary>Static (the default: load the pre-generated handler code) or Dynamic (generate and compile it at run time).</summary>
    public const string CodeGenerationSetting = "Wolverine:CodeGeneration";

    public const string DurabilitySetting = "Wolverine:Durability";

    /// <summary>Where the commands' types live: the log categories Wolverine names after them are silenced.</summary>
    public static readonly string[] PersonalMessageNamespaces = ["SecondChance.Domain", "SecondChance.Application"];

    /// <summary>
    /// Wolverine runs every use case (<see cref="CommandHandling"/>), with Marten as its message store: a command's events
    /// and the messages it sends commit in one transaction (the outbox).
    /// </summary>
    public static WebApplicationBuilder AddSecondChanceMessaging(this WebApplicationBuilder builder,
        MartenServiceCollectionExtensions.MartenConfigurationExpression marten)
    {
        MartenIntegration? integration = null;
        marten.IntegrateWithWolverine(o =>
        {
            integration = o;
            o.MessageStorageSchemaName = Schema;
            // Wolverine runs each read model on exactly one node of those running projections, spreads them over the nodes
            // and moves a dead node's to the living (ProjectionHosting)
            o.UseWolverineManagedEventSubscriptionDistribution = ProjectionHosting.RunsProjections(builder.Configuration);
        });
        // Marten's tenancy is database per province (ProvinceTenancy): Wolverine keeps a message store in each tenant
        // database, so a command's outgoing messages commit with its events there, and its nodes, agents and scheduled
        // jobs in the home database, its main database; the home database is known once the store is configured
        builder.Services.AddSingleton<IConfigureMarten>(new MainMessageDatabase(() => integration!));
        builder.Services.AddOversightNotifications(builder.Configuration);
        // Wolverine logs a failed attempt (a lost race it retries) under the message type's name, with the message itself:
        // commands carry names, national ids and clear passwords, so nothing is logged under those types (none of our
        // code logs there; a failure that ends the command is logged without its content where the request fails)
        foreach (var commands in PersonalMessageNamespaces) builder.Logging.AddFilter(commands, LogLevel.None);
        builder.Host.UseWolverine(options =>
        {
            // the generated code lives here whoever starts the host (a test host's entry assembly is the test runner)
            options.ApplicationAssembly = typeof(MessagingHosting).Assembly;
            options.UseSecondChanceCommands();
            options.RouteOversightNotifications();
            // a message handled in a disabled province (a reminder come due) waits for it to be enabled, tried again now and
            // then, instead of going to the dead letters; a command invoked over HTTP is answered 503 at once (not retried inline)
            options.OnException(ProvinceGuard.Refused).ScheduleRetryIndefinitely(
                TimeSpan.FromSeconds(builder.Configuration.GetValue(DisabledProvinceRetrySetting, 60.0)));
            // Balanced (the default) shares the durability agents among the nodes; Solo, for a single node, also takes over
            // at start-up every message a dead predecessor left, without waiting for it to be declared dead
            options.Durability.Mode = builder.Configuration.GetValue(DurabilitySetting, DurabilityMode.Balanced);
            // a node whose health check is older than this is dead: its read models and messages go to the living. Wolverine's
            // default (a minute, checked every 10 s) would leave a dead node's read models stopped for over a minute; a live
            // node is declared dead only after two stale checks in a row, and a read model briefly run on two nodes still
            // applies each event once (Marten moves a read model's position only from the one it read)
            options.Durability.HealthCheckPollingTime = TimeSpan.FromSeconds(builder.Configuration.GetValue("Wolverine:HealthCheckSeconds", 3.0));
            options.Durability.StaleNodeTimeout = TimeSpan.FromSeconds(builder.Configuration.GetValue("Wolverine:StaleNodeSeconds", 10.0));
            // the handlers' adapter code is generated ahead of time (scripts/codegen.sh writes src/Host/Internal/Generated and
            // scripts/test.sh fails when it is stale), so a node starts without compiling; Dynamic compiles at run time instead
            options.CodeGeneration.TypeLoadMode = builder.Configuration.GetValue(CodeGenerationSetting, TypeLoadMode.Static);
        });
        return builder;
    }

    /// <summary>Seconds between tries of a message handled in a disabled province.</summary>
    public const string DisabledProvinceRetrySetting = "Tenancy:DisabledRetrySeconds";

    private sealed class MainMessageDatabase(Func<MartenIntegration> integration) : IConfigureMarten
    {
        public void Configure(IServiceProvider services, StoreOptions options) =>
            integration().MasterDataSource = ((Marten.Storage.ITenancyWithMasterDatabase)options.Tenancy).TenantDatabase.DataSource;
    }
}
