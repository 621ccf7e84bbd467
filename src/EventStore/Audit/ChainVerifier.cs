using System.Security.Cryptography;
using Npgsql;

namespace SecondChance.EventStore.Audit;

public sealed record BrokenLink(string StreamId, long Version, string Problem);

public sealed record VerificationReport(long StreamsChecked, long EventsChecked, IReadOnlyList<BrokenLink> BrokenLinks)
{
    public bool IsClean => BrokenLinks.Count == 0;
}

public sealed record VerificationProgress(long StreamsChecked, long EventsChecked);

/// <summary>
/// Recomputes every stream's hash chain from the stored events, in parallel partitions that stream rows from the
/// database, and names each broken link: an event whose hash does not match its content and predecessor, a missing
/// version, an event of no registered stream, or a registered stream with no events. Events removed from the end of a
/// stream leave a shorter chain that is intact; an auditor's checkpoint (<see cref="AuditCheckpoints"/>) shows those.
/// </summary>
public sealed class ChainVerifier(PgEventStore store)
{
    public async Task<VerificationReport> VerifyAsync(int partitions = 0, IProgress<VerificationProgress>? progress = null,
        CancellationToken ct = default)
    {
        partitions = partitions > 0 ? partitions : Math.Max(2, Environment.ProcessorCount);
        var counters = new long[2];
        var results = await Task.WhenAll(Enumerable.Range(0, partitions)
            .Select(p => VerifyPartition(p, partitions, counters, progress, ct)));
        var broken = results.SelectMany(r => r).OrderBy(b => b.StreamId, StringComparer.Ordinal).ThenBy(b => b.Version).ToList();
        return new VerificationReport(counters[0], counters[1], broken);
    }

    private async Task<List<BrokenLink>> VerifyPartition(int partition, int partitions, long[] counters,
        IProgress<VerificationProgress>? progress, CancellationToken ct)
    {
        var schema = store.Schema;
        var broken = new List<BrokenLink>();
        await using var streamsConn = await store.DataSource.OpenConnectionAsync(ct);
        await using var eventsConn = await store.DataSource.OpenConnectionAsync(ct);
        // both sides ordered by the bytes of the stream id so the merge below does not depend on collation
        await using var streamsCmd = new NpgsqlCommand($"""
            select id from {schema}.stream_registry
             where abs(hashtext(id)) % $1 = $2 order by id collate "C"
            """, streamsConn);
        streamsCmd.Parameters.Add(new() { Value = partitions });
        streamsCmd.Parameters.Add(new() { Value = partition });
        await using var eventsCmd = new NpgsqlCommand($"""
            select {HashedEventRow.Columns}
              from {schema}.events where abs(hashtext(stream_id)) % $1 = $2 order by stream_id collate "C", version
            """, eventsConn);
        eventsCmd.Parameters.Add(new() { Value = partitions });
        eventsCmd.Parameters.Add(new() { Value = partition });
        eventsCmd.CommandTimeout = 0;

        await using var streams = await streamsCmd.ExecuteReaderAsync(ct);
        await using var events = await eventsCmd.ExecuteReaderAsync(ct);
        var hasEvent = await events.ReadAsync(ct);
        while (await streams.ReadAsync(ct))
        {
            var streamId = streams.GetString(0);

            // events whose stream is not registered sort before this stream
            while (hasEvent && string.CompareOrdinal(events.GetString(0), streamId) < 0)
            {
                broken.Add(new BrokenLink(events.GetString(0), events.GetInt64(1), "event belongs to no stream"));
                hasEvent = await events.ReadAsync(ct);
            }

            long expected = 1;
            byte[]? previous = null;
            var afterGap = false;
            var displaced = new List<byte[]>();
            while (hasEvent && events.GetString(0) == streamId)
            {
                var version = events.GetInt64(1);
                if (version < expected)
                    broken.Add(new BrokenLink(streamId, version, "version out of order"));
                for (; expected < version; expected++)
                {
                    broken.Add(new BrokenLink(streamId, expected, "event missing"));
                    afterGap = true;
                }
                var stored = events.GetFieldValue<byte[]>(HashedEventRow.StoredHash);
                var computed = HashedEventRow.Compute(events, streamId, version, previous);
                // after a missing event the link cannot be checked; the gap itself is what is reported. An event that
                // still chains to a broken (moved) event is intact: the damage is the moved event, not this one.
                if (!afterGap && !CryptographicOperations.FixedTimeEquals(computed, stored)
                    && !ChainsToDisplaced(events, streamId, version, displaced, stored))
                {
                    broken.Add(new BrokenLink(streamId, version, "hash does not match the event and its predecessor"));
                    displaced.Add(stored);
                }
                afterGap = false;
                previous = stored;
                expected = version + 1;
                Interlocked.Increment(ref counters[1]);
                hasEvent = await events.ReadAsync(ct);
            }
            if (previous is null) broken.Add(new BrokenLink(streamId, 1, "stream has no events"));

            if (Interlocked.Increment(ref counters[0]) % 10_000 == 0)
                progress?.Report(new VerificationProgress(Interlocked.Read(ref counters[0]), Interlocked.Read(ref counters[1])));
        }
        while (hasEvent)
        {
            broken.Add(new BrokenLink(events.GetString(0), events.GetInt64(1), "event belongs to no stream"));
            hasEvent = await events.ReadAsync(ct);
        }
        progress?.Report(new VerificationProgress(Interlocked.Read(ref counters[0]), Interlocked.Read(ref counters[1])));
        return broken;
    }

    private static bool ChainsToDisplaced(NpgsqlDataReader e, string streamId, long version, List<byte[]> displaced, byte[] stored) =>
        displaced.Any(previous => CryptographicOperations.FixedTimeEquals(stored, HashedEventRow.Compute(e, streamId, version, previous)));
}
