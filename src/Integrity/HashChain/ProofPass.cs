using System.Security.Cryptography;

namespace SecondChance.Integrity.HashChain;

/// <summary>
/// One ordered pass over the events and links of the log: each chain recomputed from content alone (never from a
/// stored link), each stream's first broken link, and each head at the checkpoint merged with the checkpoint's
/// heads, both in the root's order. A stream's part after its last covered event is later history and is left alone.
/// </summary>
internal sealed class ProofPass : IDisposable
{
    private readonly IEnumerator<StreamHead>? _expected;
    private readonly IProgress<VerificationProgress>? _progress;
    private readonly CheckpointRoot _root = new();
    private readonly List<BrokenLink> _broken = [];
    private bool _hasExpected;
    private string? _stream;
    private long _version;
    private byte[]? _link;
    private (long Version, byte[] Link)? _head;
    private BrokenLink? _problem;
    private BrokenLink? _pending;
    private BrokenLink? _orphan;

    public ProofPass(IEnumerator<StreamHead>? expected, IProgress<VerificationProgress>? progress)
    {
        _expected = expected;
        _progress = progress;
        _hasExpected = expected?.MoveNext() ?? false;
    }

    public long Streams => _root.Streams;
    public long Events { get; private set; }
    public long BrokenStreams { get; private set; }
    public IReadOnlyList<BrokenLink> Broken => _broken;

    public void Add(ProofRow row)
    {
        var stream = row.StreamId;
        if (stream != _stream)
        {
            Close();
            (_stream, _version, _link, _head, _problem, _pending, _orphan) = (stream, 0, null, null, null, null, null);
        }
        if (row.Event is not { } e)
        {
            if (row.Covered) _orphan ??= new BrokenLink(stream, row.Version, "event removed; its chain link remains");
            return;
        }
        var version = row.Version;
        BrokenLink? problem = null;
        if (version != _version + 1)
            problem = version > _version + 1 ? new BrokenLink(stream, _version + 1, "event missing") : new BrokenLink(stream, version, "version out of order");
        if (row.Hash is not { } stored)
        {
            problem ??= new BrokenLink(stream, version, "event has no chain link");
            _link = ChainHash.Compute(ChainHash.DatabaseFormat, _link, e);
        }
        else if (!ChainHash.IsKnownFormat(row.Format))
        {
            problem ??= new BrokenLink(stream, version, "unknown hash format");
            _link = stored;
        }
        else
        {
            _link = ChainHash.Compute(row.Format, _link, e);
            if (!CryptographicOperations.FixedTimeEquals(_link, stored))
                problem ??= new BrokenLink(stream, version, "hash does not match the event and its predecessor");
        }
        _version = version;
        if (row.Covered)
        {
            _problem ??= _pending ?? problem;
            _pending = null;
            _head = (version, _link);
            Events++;
        }
        // what is wrong after the checkpoint counts only if an event the checkpoint covers follows it
        else _pending ??= problem ?? new BrokenLink(stream, version, "event added after the checkpoint before events the checkpoint covers");
    }

    /// <summary>Ends the pass and returns the root hash over the recomputed heads.</summary>
    public string Finish()
    {
        Close();
        while (_hasExpected) Report(MissingStream(Advance()));
        _progress?.Report(new VerificationProgress(Streams, Events));
        return _root.Finish();
    }

    private void Close()
    {
        if (_stream is not { } stream) return;
        if (_head is not { } head)
        {
            // no event at or before the checkpoint: a stream begun after it, or one whose events were deleted but not their links
            if (_orphan is { } orphan)
            {
                SkipExpectedBefore(stream);
                Report(_hasExpected && _expected!.Current.StreamId == stream ? MissingStream(Advance()) : orphan);
            }
            return;
        }
        _root.Add(stream, head.Version, head.Link);
        var problem = _problem;
        if (_expected is not null)
        {
            SkipExpectedBefore(stream);
            if (_hasExpected && _expected.Current.StreamId == stream)
            {
                var expected = Advance();
                problem ??= expected.Version > head.Version
                    ? new BrokenLink(stream, head.Version + 1, $"event missing: the checkpoint holds this stream up to version {expected.Version}")
                    : expected.Version < head.Version
                        ? new BrokenLink(stream, expected.Version + 1, $"event not in the checkpoint, which holds this stream up to version {expected.Version}")
                        : !CryptographicOperations.FixedTimeEquals(expected.Hash, head.Link)
                            ? new BrokenLink(stream, head.Version, "differs from the checkpoint's head: events up to it were changed and their hashes recomputed")
                            : null;
            }
            else problem ??= new BrokenLink(stream, 1, "stream not in the checkpoint");
        }
        problem ??= _orphan;
        if (problem is not null) Report(problem);
        if (Streams % 10_000 == 0) _progress?.Report(new VerificationProgress(Streams, Events));
    }

    private void SkipExpectedBefore(string stream)
    {
        while (_hasExpected && CheckpointRoot.Compare(_expected!.Current.StreamId, stream) < 0) Report(MissingStream(Advance()));
    }

    private static BrokenLink MissingStream(StreamHead head) =>
        new(head.StreamId, 1, $"events missing: the checkpoint holds this stream up to version {head.Version}");

    private StreamHead Advance()
    {
        var head = _expected!.Current;
        _hasExpected = _expected.MoveNext();
        if (_hasExpected && CheckpointRoot.Compare(head.StreamId, _expected.Current.StreamId) >= 0)
            throw new ArgumentException($"The checkpoint's heads are not in the order of their stream ids at '{_expected.Current.StreamId}'.");
        return head;
    }

    private void Report(BrokenLink link)
    {
        BrokenStreams++;
        if (_broken.Count < AuditCheckpoints.MaxBrokenLinks) _broken.Add(link);
    }

    public void Dispose() => _root.Dispose();
}
