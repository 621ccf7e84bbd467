namespace SecondChance.EventStore;

public sealed record EventStoreOptions
{
    public required string ConnectionString { get; init; }

    /// <summary>PostgreSQL schema that holds the event store tables.</summary>
    public string Schema { get; init; } = "sc";

    /// <summary>Largest serialized event payload accepted, in bytes of UTF-8 JSON.</summary>
    public int MaxEventDataBytes { get; init; } = 256 * 1024;

    /// <summary>Most events accepted in one append to one stream.</summary>
    public int MaxEventsPerAppend { get; init; } = 1000;

    public const string DefaultTenant = "*DEFAULT*";
}
