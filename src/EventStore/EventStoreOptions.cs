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

    /// <summary>
    /// The application's clock. An append that knows its stream's head links the event itself and proposes this clock's
    /// time, which the database accepts only within <see cref="PgEventStore.ClockTolerance"/> of its own.
    /// </summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public const string DefaultTenant = "*DEFAULT*";
}
