namespace SecondChance.Integrity.Events;

/// <summary>Who recorded the events and why; stored beside every event of one append.</summary>
public sealed record EventMetadata
{
    public string? Actor { get; init; }
    public Guid? CorrelationId { get; init; }
    public Guid? CausationId { get; init; }
    public IReadOnlyDictionary<string, string>? Headers { get; init; }
    public string Tenant { get; init; } = EventStoreOptions.DefaultTenant;

    public static readonly EventMetadata None = new();
}
