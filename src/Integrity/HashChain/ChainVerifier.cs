using SecondChance.Integrity.Tenancy;
using System.Security.Cryptography;
using Npgsql;

namespace SecondChance.Integrity.HashChain;

/// <summary>
/// Recomputes every stream's hash chain from Marten's stored events, in parallel partitions that stream rows from
/// the database, and names each broken link: an event whose link does not match its content and predecessor, an
/// event with no link, a missing version, a link whose event is gone, an event of no stream, a stream with no
/// events. Events removed from the end of a stream together with their links leave a shorter chain that is intact;
/// an auditor's checkpoint (<see cref="AuditCheckpoints"/>) shows those.
/// </summary>
public sealed class ChainVerifier(TenantDataSource dataSource, string schema = MartenSetup.Schema)
{
    /// <summary>Verifies every chain; <paramref name="progress"/> hears the streams and events checked so far, now and then and at the end.</summary>
    public async Task<VerificationReport> VerifyAsync(int partitions = 0, IProgress<VerificationProgress>? progress = null,
        CancellationToken ct = default)
    {
        partitions = partitions > 0 ? partitions : Math.Max(2, Environment.ProcessorCount);
        var counters = new long[2];
        var results = await Task.WhenAll(Enumerable.Range(0, partitions).Select(p => VerifyPartition(p, partitions, counters, progress, ct)));
        var broken = results.SelectMany(r => r).Concat(await OrphanLinksAsync(ct))
            .OrderBy(b => b.StreamId, StringComparer.Ordinal).ThenBy(b => b.Version).ToList();
        return new VerificationReport(counters[0], counters[1], broken);
    }

    private async Task<List<BrokenLink>> VerifyPartition(int partition, int partitions, long[] counters,
        IProgress<VerificationProgress>? progress, CancellationToken ct)
    {
        var broken = new List<BrokenLink>();
        await using var streamsConn = await dataSource.OpenConnectionAsync(ct);
        await using var eventsConn = await dataSource.OpenConnectionAsync(ct);
        // both sides ordered by the bytes of the stream id so the merge below does not depend on collation
        await using var streamsCmd = new NpgsqlCommand($"""
            select id from {schema}.mt_streams
             where id <> '{HashChainSchema.TombstoneStream}' and abs(hashtext(id)) % $1 = $2 order by id collate "C"
            """, streamsConn);
        streamsCmd.Parameters.Add(new() { Value = partitions });
        streamsCmd.Parameters.Add(new() { Value = partition });
        await using var eventsCmd = new NpgsqlCommand($"""
            select {StoredRow.Columns}, h.hash, h.hash_format
              from {schema}.mt_events e left join {schema}.{HashChainSchema.LinksTable} h on h.seq_id = e.seq_id
             where e.stream_id <> '{HashChainSchema.TombstoneStream}' and abs(hashtext(e.stream_id)) % $1 = $2
             order by e.stream_id collate "C", e.version
            """, eventsConn);
        eventsCmd.Parameters.Add(new() { Value = partitions });
        eventsCmd.Parameters.Add(new() { Value = partition });
        eventsCmd.CommandTimeout = 0;

        await using var streams = await streamsCmd.ExecuteReaderAsync(ct);
        await using var events = await eventsCmd.ExecuteReaderAsync(ct);
        var row = await events.ReadAsync(ct) ? Row.Read(events) : null;
        while (await streams.ReadAsync(ct))
        {
            var streamId = streams.GetString(0);

            // events whose stream is not registered sort before this stream
            while (row is not null && CheckpointRoot.Compare(row.Event.StreamId, streamId) < 0)
            {
                broken.Add(new BrokenLink(row.Event.StreamId, row.Event.Version, "event belongs to no stream"));
                row = await events.ReadAsync(ct) ? Row.Read(events) : null;
            }

            long expected = 1;
            byte[]? previous = null;
            var seen = false;
            var afterGap = false;
            var displaced = new List<byte[]>();
            while (row is not null && row.Event.StreamId == streamId)
            {
                seen = true;
                var version = row.Event.Version;
                for (; expected < version; expected++)
                {
                    broken.Add(new BrokenLink(streamId, expected, "event missing"));
                    afterGap = true;
                }
                if (version < expected) broken.Add(new BrokenLink(streamId, version, "version out of order"));
                if (row.Hash is not { } stored)
                {
                    broken.Add(new BrokenLink(streamId, version, "event has no chain link"));
                    afterGap = true; // the next link cannot be checked against an unknown predecessor
                    previous = null;
                }
                else if (!ChainHash.IsKnownFormat(row.Format))
                {
                    broken.Add(new BrokenLink(streamId, version, "unknown hash format"));
                    afterGap = false;
                    previous = stored;
                }
                else
                {
                    // after a missing event the link cannot be checked; the gap itself is what is reported. An event that
                    // still chains to a broken (moved) event is intact: the damage is the moved event, not this one.
                    if (!afterGap && !CryptographicOperations.FixedTimeEquals(row.Compute(previous), stored)
                        && !displaced.Any(d => CryptographicOperations.FixedTimeEquals(row.Compute(d), stored)))
                    {
                        broken.Add(new BrokenLink(streamId, version, "hash does not match the event and its predecessor"));
                        displaced.Add(stored);
                    }
                    afterGap = false;
                    previous = stored;
                }
                expected = version + 1;
                Interlocked.Increment(ref counters[1]);
                row = await events.ReadAsync(ct) ? Row.Read(events) : null;
            }
            if (!seen) broken.Add(new BrokenLink(streamId, 1, "stream has no events"));
            if (Interlocked.Increment(ref counters[0]) % 10_000 == 0) Report(progress, counters);
        }
        while (row is not null)
        {
            broken.Add(new BrokenLink(row.Event.StreamId, row.Event.Version, "event belongs to no stream"));
            row = await events.ReadAsync(ct) ? Row.Read(events) : null;
        }
        Report(progress, counters);
        return broken;
    }

    private static void Report(IProgress<VerificationProgress>? progress, long[] counters) =>
        progress?.Report(new VerificationProgress(Interlocked.Read(ref counters[0]), Interlocked.Read(ref counters[1])));

    /// <summary>Links left behind by a deleted event: history removed even where the versions still look contiguous.</summary>
    private async Task<List<BrokenLink>> OrphanLinksAsync(CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand($"""
            select h.stream_id, h.version from {schema}.{HashChainSchema.LinksTable} h
             where not exists (select 1 from {schema}.mt_events e where e.seq_id = h.seq_id)
            """);
        cmd.CommandTimeout = 0;
        var orphans = new List<BrokenLink>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) orphans.Add(new BrokenLink(r.GetString(0), r.GetInt64(1), "event removed; its chain link remains"));
        return orphans;
    }

    private sealed record Row(StoredRow Event, byte[]? Hash, short Format)
    {
        public static Row Read(NpgsqlDataReader r) => new(StoredRow.Read(r),
            r.IsDBNull(StoredRow.ColumnCount) ? null : r.GetFieldValue<byte[]>(StoredRow.ColumnCount),
            r.IsDBNull(StoredRow.ColumnCount + 1) ? ChainHash.DatabaseFormat : r.GetInt16(StoredRow.ColumnCount + 1));

        public byte[] Compute(byte[]? previous) => ChainHash.Compute(Format, previous, Event);
    }
}
