using SecondChance.Integrity.Events;
using SecondChance.EventStore;

namespace SecondChance.Projections.Engine;

/// <summary>
/// The global log as projections read it. The unrestricted read is for a rebuild's final catch-up while inline
/// appends are held back, when every committed event must be seen even if an unrelated transaction is still open.
/// </summary>
public sealed class LogReader(MartenEventLog store)
{
    public MartenEventLog Store => store;

    public Task<IReadOnlyList<StoredEvent>> ReadAsync(GlobalCursor after, int batchSize, CancellationToken ct) =>
        store.ReadAllAsync(after, batchSize, ct);

    public Task<bool> HasEventsAfterAsync(GlobalCursor after, CancellationToken ct) => store.HasEventsAfterAsync(after, ct);

    public Task<IReadOnlyList<StoredEvent>> ReadCommittedAsync(GlobalCursor after, int batchSize, CancellationToken ct) =>
        store.ReadAllCommittedAsync(after, batchSize, ct);
}
