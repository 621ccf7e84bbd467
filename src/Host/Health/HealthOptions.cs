namespace SecondChance.Host.Health;

/// <summary>Configuration section "Health": MaxProjectionLagEvents (default 10000), the most committed events a read model may be behind while the node is ready.</summary>
public sealed record HealthOptions(long MaxProjectionLagEvents)
{
    public const long DefaultMaxProjectionLagEvents = 10_000;
}
