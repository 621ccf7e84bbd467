using Marten;
using SecondChance.Integrity.Events;

namespace SecondChance.Application;

internal static class StreamLoader
{
    /// <summary>
    /// For a command (a context with a session): Marten's <c>FetchForWriting</c>, which folds the stream through the
    /// registered live aggregation and records the version it found in the session, so the append that follows is
    /// checked against it. Otherwise the stream's events are read and folded here.
    /// </summary>
    /// <param name="exclusive">Lock the stream until the command commits (Marten's <c>FetchForExclusiveWriting</c>): other
    /// writers wait their turn in PostgreSQL instead of racing and retrying.</param>
    public static async Task<Loaded<TState>> LoadAsync<TAggregate, TState>(MartenEventLog store, CommandContext? context,
        string streamId, string type, TState initial, Func<TState, object, TState> evolve, CancellationToken ct, bool exclusive = false)
        where TAggregate : StreamAggregate<TState>
    {
        if (context?.Session is { } session)
        {
            var stream = exclusive
                ? await session.Events.FetchForExclusiveWriting<TAggregate>(streamId, ct)
                : await session.Events.FetchForWriting<TAggregate>(streamId, ct);
            return new Loaded<TState>(streamId, type, stream.Aggregate is { } a ? a.State : initial, stream.CurrentVersion ?? 0);
        }
        var (state, version) = await store.AggregateAsync(streamId, initial, evolve, ct: ct);
        return new Loaded<TState>(streamId, type, state, version);
    }
}
