namespace SecondChance.Integrity.HashChain;

/// <summary>
/// What an auditor keeps: the root hash over every stream's head as of a place in the log (the appending transaction
/// and sequence number of an event's link). Recomputing every chain from the events' content later proves that
/// nothing at or before that place was changed, added, reordered or removed.
/// </summary>
public sealed record AuditCheckpoint(ulong TransactionId, long Position, long Streams, long Events, string RootHash, DateTimeOffset TakenAt)
{
    /// <summary>The place in the log; written into checkpoint files as <c>cursor</c>, as the old store wrote it.</summary>
    public CheckpointCursor Cursor => new(TransactionId, Position);
}

/// <summary>A place in the log: an appending transaction and, within it, a sequence number.</summary>
public readonly record struct CheckpointCursor(ulong TransactionId, long Position);
