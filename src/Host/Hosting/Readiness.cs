using System.Collections.Concurrent;

namespace SecondChance.Host.Hosting;

/// <summary>A piece of start-up work the Host must finish before it takes traffic, declared when services are registered.</summary>
public sealed record ReadinessStep(string Name)
{
    public const string Migrations = "migrations";
    public const string DemoSeeding = "demo_seeding";
}

/// <summary>
/// Which start-up steps are still running. Every declared step is pending from the first request on, so a probe never
/// sees "ready" before the work has even begun; the service doing a step completes it (also when it fails, having logged why).
/// </summary>
public sealed class Readiness(IEnumerable<ReadinessStep> steps)
{
    private readonly ConcurrentDictionary<string, bool> _pending = new(steps.Select(s => KeyValuePair.Create(s.Name, true)));

    public IReadOnlyList<string> Pending => _pending.Keys.Order(StringComparer.Ordinal).ToList();

    public void Complete(string step) => _pending.TryRemove(step, out _);
}
