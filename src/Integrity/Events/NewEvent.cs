namespace SecondChance.Integrity.Events;

/// <summary>An event to append. The id makes retries idempotent: an id already stored is not stored again.</summary>
public sealed record NewEvent(Guid EventId, object Data)
{
    public static NewEvent For(object data) => new(Guid.CreateVersion7(), data);
}
