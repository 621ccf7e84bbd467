using SecondChance.Integrity.HashChain;

namespace SecondChance.Host.Endpoints;

/// <summary>A checkpoint proof as the CLI and the API answer it: the first fields as ever, then what broke.</summary>
public sealed record CheckpointProofView(bool Holds, string RecomputedRootHash, long Streams, long Events, BrokenLink? FirstBroken,
    long BrokenStreams, IReadOnlyList<BrokenLink> BrokenLinks, bool HeadsCompared, AuditCheckpoint Checkpoint);
