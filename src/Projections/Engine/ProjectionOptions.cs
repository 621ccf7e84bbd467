namespace SecondChance.Projections.Engine;

public sealed record ProjectionOptions
{
    public int BatchSize { get; init; } = 2000;

    /// <summary>How often a projection looks for new events when no notification arrives.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How often a process that does not hold a projection tries to take it over.</summary>
    public TimeSpan LockRetryInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Waits between attempts at an event that throws; after the last the projection is paused.</summary>
    public IReadOnlyList<TimeSpan> RetryDelays { get; init; } =
        [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)];

    /// <summary>Shortest gap between two NOTIFYs sent for this process's commits; commits in between share one.</summary>
    public TimeSpan NotifyCoalescing { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How long a read that must include everything acknowledged waits for a lagging read model before refusing.</summary>
    public TimeSpan CatchUpTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan StatusRefreshInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Names of projections applied in the append transaction instead of by the daemon.</summary>
    public IReadOnlySet<string> Inline { get; init; } = new HashSet<string>();

    /// <summary>Identifies this process in the status ("which process holds it").</summary>
    public string ProcessName { get; init; } = $"{Environment.MachineName}:{Environment.ProcessId}";
}
