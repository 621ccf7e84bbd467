namespace SecondChance.Projections.OnMarten;

/// <summary>Where the read models live on Marten and how the daemon and a rebuild run them.</summary>
public sealed record MartenReadModelOptions
{
    /// <summary>Marten's schema (events, progression, and our two state tables beside them).</summary>
    public string EventSchema { get; init; } = "sc_events";

    /// <summary>A read model's tables live in <c>{ReadModelPrefix}_{name}</c>, as they did on the old engine (<c>sc_timeline</c> …).</summary>
    public string ReadModelPrefix { get; init; } = "sc";

    /// <summary>Events per batch for a live read model (Marten's <c>AsyncOptions.BatchSize</c>).</summary>
    public int BatchSize { get; init; } = 2000;

    /// <summary>Events per batch while a rebuild fills the shadow copies.</summary>
    public int RebuildBatchSize { get; init; } = 5000;

    /// <summary>How long a rebuild may take before Marten gives up on it.</summary>
    public TimeSpan RebuildTimeout { get; init; } = TimeSpan.FromHours(2);

    /// <summary>
    /// Marten's <c>StaleSequenceThreshold</c>: how long a sequence gap must stand before the high-water detection even
    /// considers skipping it (it then skips only with no live transaction that could fill it).
    /// </summary>
    public TimeSpan StaleSequenceThreshold { get; init; } = TimeSpan.FromSeconds(3);

    public string LiveSchema(string name) => $"{ReadModelPrefix}_{name}";
    public string ShadowSchema(string name) => $"{ReadModelPrefix}_{name}_rebuild";
}
