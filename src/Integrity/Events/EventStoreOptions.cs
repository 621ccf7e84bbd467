namespace SecondChance.Integrity.Events;

/// <summary>Where the application's own tables (read models, migrations, keys) live next to Marten's event store.</summary>
public sealed record EventStoreOptions
{
    public required string ConnectionString { get; init; }

    /// <summary>PostgreSQL schema that holds the application's tables.</summary>
    public string Schema { get; init; } = "sc";

    public const string DefaultTenant = "*DEFAULT*";
}
