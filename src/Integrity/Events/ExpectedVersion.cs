namespace SecondChance.Integrity.Events;

/// <summary>What the caller believes about the stream before appending.</summary>
public readonly record struct ExpectedVersion
{
    internal ExpectedVersionKind Kind { get; }
    public long Value { get; }

    private ExpectedVersion(ExpectedVersionKind kind, long value) => (Kind, Value) = (kind, value);

    public static ExpectedVersion Any => new(ExpectedVersionKind.Any, -1);
    public static ExpectedVersion NoStream => new(ExpectedVersionKind.NoStream, 0);
    public static ExpectedVersion StreamExists => new(ExpectedVersionKind.StreamExists, -1);

    public static ExpectedVersion Exactly(long version) => version < 0
        ? throw new ArgumentOutOfRangeException(nameof(version), version, "A stream version is zero (no stream) or positive.")
        : new(ExpectedVersionKind.Exact, version);

    public override string ToString() => Kind switch
    {
        ExpectedVersionKind.Any => "any",
        ExpectedVersionKind.NoStream => "no stream",
        ExpectedVersionKind.StreamExists => "stream exists",
        _ => Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

internal enum ExpectedVersionKind { Any = 0, NoStream = 1, StreamExists = 2, Exact = 3 }
