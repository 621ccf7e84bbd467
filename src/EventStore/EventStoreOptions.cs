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

    /// <summary>
    /// How many single-event appends may be written at once before further ones queue and are written together in one
    /// transaction (group commit). More slots keep one append stuck on a lock (another transaction holding the version it needs) from holding up the rest.
    /// </summary>
    public int MaxWritesInFlight { get; init; } = Math.Max(2, Environment.ProcessorCount);

    public const string DefaultTenant = "*DEFAULT*";
}
