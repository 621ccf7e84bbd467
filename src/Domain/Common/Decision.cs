namespace SecondChance.Domain;

public sealed record Decision(IReadOnlyList<object> Events, Refusal? Refusal)
{
    public static readonly Decision Nothing = new(Array.Empty<object>(), null);

    public bool IsRefused => Refusal is not null;

    public static Decision Accept(params object[] events) => new(events, null);

    public static Decision Refuse(string code, string message) => new(Array.Empty<object>(), new Refusal(code, message));

    public static implicit operator Decision(Refusal refusal) => new(Array.Empty<object>(), refusal);
}
