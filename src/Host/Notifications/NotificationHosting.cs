using SecondChance.Application;
using Wolverine;

namespace SecondChance.Host.Notifications;

public static class NotificationHosting
{
    public const string Queue = "oversight-notifications";

    public static IServiceCollection AddOversightNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        var sweep = configuration.GetValue("Oversight:SweepSeconds", 60.0);
        services.AddSingleton(new NotificationOptions(TimeSpan.FromSeconds(Math.Max(sweep, 0.1)),
            TimeSpan.FromDays(configuration.GetValue("Oversight:LookBackDays", 30))));
        services.AddSingleton<NotificationFaults>();
        services.AddSingleton<NotificationQueries>();
        services.AddSingleton(NotificationMigrations.Module);
        // 0 turns the sweep off on this node (another node sweeps; or a test sends SweepComplianceFindings itself)
        if (sweep > 0) services.AddHostedService<SweepTimer>();
        return services;
    }

    /// <summary>Notices go to a durable local queue: stored with the transaction that sent them, recovered after a crash.</summary>
    public static void RouteOversightNotifications(this WolverineOptions options) =>
        options.PublishMessage<NotifyOversight>().ToLocalQueue(Queue).UseDurableInbox();
}
