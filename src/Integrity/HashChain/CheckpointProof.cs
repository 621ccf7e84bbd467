namespace SecondChance.Integrity.HashChain;

/// <summary>
/// The chains recomputed from the events' content up to a checkpoint. <see cref="BrokenLinks"/> names, for each stream
/// that differs, the first version where it does (at most <see cref="AuditCheckpoints.MaxBrokenLinks"/> of them;
/// <see cref="BrokenStreams"/> counts them all). Heads compared with the checkpoint's own list name even a rewrite
/// whose links were recomputed; without that list such a rewrite shows only in the root hash.
/// </summary>
public sealed record CheckpointProof(AuditCheckpoint Checkpoint, string RecomputedRootHash, long Streams, long Events,
    IReadOnlyList<BrokenLink> BrokenLinks, long BrokenStreams, bool HeadsCompared)
{
    public bool Holds => string.Equals(Checkpoint.RootHash, RecomputedRootHash, StringComparison.OrdinalIgnoreCase)
                         && Streams == Checkpoint.Streams && Events == Checkpoint.Events && BrokenStreams == 0;

    public BrokenLink? FirstBroken => BrokenLinks.Count > 0 ? BrokenLinks[0] : null;
}
