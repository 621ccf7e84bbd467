namespace SecondChance.Integrity.Events;

/// <summary>The stream was not at the version the caller expected; nothing was written.</summary>
public sealed class ConcurrencyException(string streamId, ExpectedVersion expected, long actualVersion)
    : Exception($"Stream '{streamId}' was expected at version {expected} but is at version {actualVersion}.")
{
    public string StreamId { get; } = streamId;
    public ExpectedVersion Expected { get; } = expected;
    /// <summary>The stream's version when the append was refused; 0 when the stream does not exist.</summary>
    public long ActualVersion { get; } = actualVersion;
}

/// <summary>An append or import was refused because its input is malformed; nothing was written.</summary>
public sealed class InvalidAppendException(string reason) : ArgumentException(reason)
{
    public string Reason { get; } = reason;
}

/// <summary>An event type or alias has no registration: the store never guesses a type.</summary>
public sealed class UnknownEventTypeException(string what) : Exception(what);
