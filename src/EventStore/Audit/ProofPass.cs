using System.Security.Cryptography;
using Npgsql;

namespace SecondChance.EventStore.Audit;

/// <summary>
/// One ordered pass over the events of a checkpoint: each chain recomputed from content alone (never from a stored
/// hash), each stream's first broken link, and each head merged with the checkpoint's heads, both in the root's order.
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
    private BrokenLink? _problem;

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

    public void Add(NpgsqlDataReader e)
    {
        var stream = e.GetString(0);
        if (stream != _stream)
        {
            Close();
            (_stream, _version, _link, _problem) = (stream, 0, null, null);
        }
        var version = e.GetInt64(1);
        if (_problem is null && version != _version + 1)
            _problem = version > _version + 1 ? new BrokenLink(stream, _version + 1, "event missing") : new BrokenLink(stream, version, "version out of order");
        var stored = e.GetFieldValue<byte[]>(HashedEventRow.StoredHash);
        if (HashedEventRow.HasKnownFormat(e))
        {
            _link = HashedEventRow.Compute(e, stream, version, _link);
            if (_problem is null && !CryptographicOperations.FixedTimeEquals(_link, stored))
                _problem = new BrokenLink(stream, version, "hash does not match the event and its predecessor");
        }
        else
        {
            _problem ??= new BrokenLink(stream, version, "unknown hash format");
            _link = stored;
        }
        _version = version;
        Events++;
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
        if (_stream is not { } stream || _link is not { } link) return;
        _root.Add(stream, _version, link);
        var problem = _problem;
        if (_expected is not null)
        {
            while (_hasExpected && CheckpointRoot.Compare(_expected.Current.StreamId, stream) < 0) Report(MissingStream(Advance()));
            if (_hasExpected && _expected.Current.StreamId == stream)
            {
                var head = Advance();
                problem ??= head.Version > _version
                    ? new BrokenLink(stream, _version + 1, $"event missing: the checkpoint holds this stream up to version {head.Version}")
                    : head.Version < _version
                        ? new BrokenLink(stream, head.Version + 1, $"event not in the checkpoint, which holds this stream up to version {head.Version}")
                        : !CryptographicOperations.FixedTimeEquals(head.Hash, link)
                            ? new BrokenLink(stream, _version, "differs from the checkpoint's head: events up to it were changed and their hashes recomputed")
                            : null;
            }
            else problem ??= new BrokenLink(stream, 1, "stream not in the checkpoint");
        }
        if (problem is not null) Report(problem);
        if (Streams % 10_000 == 0) _progress?.Report(new VerificationProgress(Streams, Events));
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
