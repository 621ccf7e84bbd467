namespace SecondChance.Domain;

public sealed record MultiStreamDecision(IReadOnlyList<StreamEvents> Streams, Refusal? Refusal)
{
    public static readonly MultiStreamDecision Nothing = new(Array.Empty<StreamEvents>(), null);

    public bool IsRefused => Refusal is not null;

    public IReadOnlyList<object> EventsFor(string streamId) =>
        Streams.Where(s => s.StreamId == streamId).SelectMany(s => s.Events).ToList();

    // Streams with nothing to append are dropped so the store never takes a version check it does not need.
    public static MultiStreamDecision Accept(params StreamEvents[] streams) =>
        new(streams.Where(s => s.Events.Count > 0).ToList(), null);

    public static MultiStreamDecision Refuse(string code, string message) =>
        new(Array.Empty<StreamEvents>(), new Refusal(code, message));

    public static implicit operator MultiStreamDecision(Refusal refusal) => new(Array.Empty<StreamEvents>(), refusal);
}
