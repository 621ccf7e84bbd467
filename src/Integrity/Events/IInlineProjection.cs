namespace SecondChance.Integrity.Events;

/// <summary>A read model updated inside the append's own transaction, for readers who must see their own writes.</summary>
public interface IInlineProjection
{
    /// <summary>Adds the statements that bring the read model up to these events.</summary>
    void Apply(IReadOnlyList<StoredEvent> events, SqlBatch batch);
}
