namespace SecondChance.Integrity.Events;

public sealed record StoredEvent(
    long Position,
    ulong TransactionId,
    Guid EventId,
    string StreamId,
    long Version,
    string Alias,
    object Data,
    DateTimeOffset Timestamp,
    string Tenant,
    Guid? CorrelationId,
    Guid? CausationId,
    string? Actor,
    IReadOnlyDictionary<string, string> Headers)
{
    public GlobalCursor Cursor => new(TransactionId, Position);
}

/// <summary>
/// A place in the global log. The log is ordered by (writing transaction id, sequence), which is the
/// order in which a reader can see events without ever skipping one that commits late.
/// </summary>
public readonly record struct GlobalCursor(ulong TransactionId, long Position) : IComparable<GlobalCursor>
{
    public static readonly GlobalCursor Start = new(0, 0);

    public int CompareTo(GlobalCursor other)
    {
        var byTx = TransactionId.CompareTo(other.TransactionId);
        return byTx != 0 ? byTx : Position.CompareTo(other.Position);
    }

    public override string ToString() => $"{TransactionId}:{Position}";
}
