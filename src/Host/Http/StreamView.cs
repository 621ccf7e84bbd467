namespace SecondChance.Host.Http;

/// <summary>GET body of a stream: its decision state and, where a directory row exists, the descriptive details.</summary>
public sealed record StreamView<TState>(Guid Id, long Version, TState State, object? Details);
