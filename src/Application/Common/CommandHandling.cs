using JasperFx.Core;
using Marten;
using SecondChance.Application.Access;
using SecondChance.Integrity.Events;
using SecondChance.Integrity.Tenancy;
using Wolverine;
using Wolverine.ErrorHandling;

namespace SecondChance.Application;

/// <summary>
/// Every use case is a Wolverine handler (<c>XHandler.HandleAsync(command, CommandContext, CancellationToken)</c>),
/// invoked in process through the message bus. This is where the handlers are found, where each gets its
/// <see cref="CommandContext"/> and Marten session, and the one place that says what a lost race costs.
/// </summary>
public static class CommandHandling
{
    /// <summary>How long a command may take, retries on a busy stream included, before the caller gets a failure.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Without If-Match the caller did not pin a version, so a lost race is decided again on fresh state (the handler
    /// runs again: it reloads the streams and decides anew). The guard is the append's version check in PostgreSQL,
    /// which holds across every Host process; each attempt is its own transaction, so an Idempotency-Key is recorded
    /// only with the attempt that commits. Cooldowns grow exponentially with full jitter, so losers do not collide again
    /// in lockstep, and are bounded (Wolverine allows 25 attempts) so a stream that never lets go answers 409 after seconds instead of holding the request.
    /// </summary>
    public static IReadOnlyList<TimeSpan> ConflictCooldowns { get; } =
        Enumerable.Range(0, 24).Select(n => TimeSpan.FromMilliseconds(Math.Min(250, 2 * Math.Pow(2, Math.Min(n, 16))))).ToList();

    public static WolverineOptions UseSecondChanceCommands(this WolverineOptions options)
    {
        options.Discovery.IncludeAssembly(typeof(CommandHandling).Assembly);
        // erasure is not a decision on streams: it destroys a key and is run by its endpoint directly
        options.Discovery.CustomizeHandlerDiscovery(q => q.Excludes.WithCondition("erasure", t => t == typeof(EraseInmateHandler)));
        options.Policies.AddMiddleware(typeof(TenantScopeMiddleware));
        options.Policies.AddMiddleware(typeof(CommandContextMiddleware),
            chain => chain.Handlers.Any(h => h.Method.GetParameters().Any(p => p.ParameterType == typeof(CommandContext))));
        // reminders are scheduled with the plan they remind of, stored until due and recovered after a crash
        options.PublishMessage<Inmates.RemindOfReleaseReadiness>().ToLocalQueue("release-reminders").UseDurableInbox();
        options.OnException<ConcurrencyException>().RetryWithCooldown(ConflictCooldowns.ToArray()).WithFullJitter();
        return options;
    }

    /// <summary>
    /// Runs a use case through Wolverine and answers with its outcome. A race still lost after every retry is the
    /// conflict the caller sees (409), naming the stream, the version expected and the actual one.
    /// </summary>
    public static async Task<CommandResult> SendAsync(this IMessageBus bus, object command, CommandContext context, CancellationToken ct)
    {
        var options = new DeliveryOptions();
        foreach (var (name, value) in context.ToHeaders()) options.Headers[name] = value;
        // the command's events go to the caller's province; users and their grants live in the home database
        var tenant = TenantOf(command);
        if (!TenantScope.IsHome(tenant)) options.TenantId = tenant;
        using var _ = TenantScope.Enter(tenant);
        try
        {
            return await bus.InvokeAsync<CommandResult>(command, options, ct, Timeout);
        }
        catch (ConcurrencyException e)
        {
            return CommandResult.Conflicted(Guid.Empty, new VersionConflict(e.StreamId, e.Expected.Value, e.ActualVersion, FromIfMatch: false));
        }
    }

    /// <summary>
    /// Users, their grants and passwords are national: the user directory that sign-in reads is in the home database.
    /// </summary>
    private static bool IsAboutUsers(object command) =>
        command.GetType().Namespace is "SecondChance.Domain.Access" or "SecondChance.Application.Access";

    /// <summary>The tenant whose database a command writes to (and where its idempotency key is kept).</summary>
    public static string TenantOf(object command) => IsAboutUsers(command) ? TenantScope.Home : TenantScope.Current;
}

/// <summary>
/// Every handler works in the tenant of its message (Wolverine opens its Marten session there): the queries it runs
/// through <see cref="TenantScope"/> go to the same province's database. Called synchronously at the top of the
/// generated handler, the scope lasts until the handler returns.
/// </summary>
public static class TenantScopeMiddleware
{
    public static void Before(Envelope envelope) => TenantScope.Enter(envelope.TenantId ?? TenantScope.Home);
}

/// <summary>Gives each use case its context from the envelope, with the session Wolverine opened for the message.</summary>
public static class CommandContextMiddleware
{
    public static CommandContext Before(Envelope envelope, IDocumentSession session) =>
        CommandContext.FromHeaders(envelope.Headers) with { Session = session };
}
