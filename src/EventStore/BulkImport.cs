using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using SecondChance.EventStore.Audit;

namespace SecondChance.EventStore;

/// <summary>A whole historical stream to import, e.g. an inmate's journey keyed in from paper records.</summary>
public sealed record ImportedStream(string StreamId, string AggregateType, IReadOnlyList<NewEvent> Events, EventMetadata? Metadata = null);

public sealed record ImportResult(int Streams, long Events);

/// <summary>
/// Loads new streams through binary COPY. A batch is atomic: it is refused whole if any stream already exists or
/// any event is malformed. Versions run 1..n per stream and the global log stays readable in order.
/// </summary>
public sealed class BulkImporter(PgEventStore store)
{
    public async Task<ImportResult> ImportAsync(IReadOnlyList<ImportedStream> streams, CancellationToken ct = default)
    {
        if (streams is null || streams.Count == 0) throw new InvalidAppendException("An import needs at least one stream.");
        Validate(streams);
        var now = EventHash.TruncateToMicros(DateTimeOffset.UtcNow);
        var keys = await store.KeysForAsync(streams.Select(s => new StreamAppend(s.StreamId, s.AggregateType, ExpectedVersion.Any, s.Events)), ct);
        try
        {
            return await WriteAsync(streams, keys, now, ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new InvalidAppendException($"An imported event id or stream is already stored ({e.ConstraintName}); nothing was imported.");
        }
        catch (AggregateException e) when (e.InnerExceptions.OfType<InvalidAppendException>().FirstOrDefault() is { } invalid)
        {
            throw invalid;
        }
    }

    private async Task<ImportResult> WriteAsync(IReadOnlyList<ImportedStream> streams, IReadOnlyDictionary<Guid, byte[]?> keys,
        DateTimeOffset now, CancellationToken ct)
    {
        var schema = store.Schema;
        await using var conn = await store.DataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);

        await using (var check = new NpgsqlCommand($"select id from {schema}.stream_registry where id = any($1) limit 5", conn, tx))
        {
            check.Parameters.Add(new() { Value = streams.Select(s => s.StreamId).ToArray() });
            var existing = new List<string>();
            await using (var r = await check.ExecuteReaderAsync(ct))
                while (await r.ReadAsync(ct)) existing.Add(r.GetString(0));
            if (existing.Count > 0)
                throw new InvalidAppendException($"An import only creates new streams; these exist already: {string.Join(", ", existing)}.");
        }

        // serialising, canonicalising, encrypting and hashing run on every core while COPY streams the finished rows
        var micros = EventHash.Micros(now);
        var prepared = streams.AsParallel().AsOrdered().WithMergeOptions(ParallelMergeOptions.AutoBuffered)
            .WithCancellation(ct).Select(s => PrepareStream(s, micros, keys));
        long count = 0;
        await using (var copy = await conn.BeginBinaryImportAsync(
                         $"copy {schema}.events (id, stream_id, version, data, type, timestamp, tenant_id, correlation_id, causation_id, actor, headers, hash) from stdin (format binary)", ct))
        {
            foreach (var streamRows in prepared)
            {
                foreach (var row in streamRows)
                {
                    await copy.StartRowAsync(ct);
                    await copy.WriteAsync(row.Id, NpgsqlDbType.Uuid, ct);
                    await copy.WriteAsync(row.StreamId, NpgsqlDbType.Text, ct);
                    await copy.WriteAsync(row.Version, NpgsqlDbType.Bigint, ct);
                    await copy.WriteAsync(row.Data, NpgsqlDbType.Jsonb, ct);
                    await copy.WriteAsync(row.Alias, NpgsqlDbType.Text, ct);
                    await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
                    await copy.WriteAsync(row.Meta.Tenant, NpgsqlDbType.Text, ct);
                    await WriteNullable(copy, row.Meta.CorrelationId, NpgsqlDbType.Uuid, ct);
                    await WriteNullable(copy, row.Meta.CausationId, NpgsqlDbType.Uuid, ct);
                    await WriteNullable(copy, row.Meta.Actor, NpgsqlDbType.Text, ct);
                    await WriteNullable(copy, row.Headers, NpgsqlDbType.Jsonb, ct);
                    await copy.WriteAsync(row.Hash, NpgsqlDbType.Bytea, ct);
                    count++;
                }
            }
            await copy.CompleteAsync(ct);
        }

        await using (var copy = await conn.BeginBinaryImportAsync(
                         $"copy {schema}.stream_registry (id, type, created, tenant_id) from stdin (format binary)", ct))
        {
            foreach (var s in streams)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(s.StreamId, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(s.AggregateType, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync((s.Metadata ?? EventMetadata.None).Tenant, NpgsqlDbType.Text, ct);
            }
            await copy.CompleteAsync(ct);
        }

        await tx.CommitAsync(ct);
        return new ImportResult(streams.Count, count);
    }

    private static async Task WriteNullable<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct)
    {
        if (value is null) await copy.WriteNullAsync(ct);
        else await copy.WriteAsync(value, type, ct);
    }

    private sealed record Row(Guid Id, string StreamId, long Version, string Data, string Alias, EventMetadata Meta, string? Headers, byte[] Hash);

    private static void Validate(IReadOnlyList<ImportedStream> streams)
    {
        var streamIds = new HashSet<string>(StringComparer.Ordinal);
        var eventIds = new HashSet<Guid>();
        foreach (var s in streams)
        {
            if (s is null) throw new InvalidAppendException("An imported stream is null.");
            if (!PgEventStore.IsValidStreamId(s.StreamId))
                throw new InvalidAppendException($"Stream id '{s.StreamId}' is malformed.");
            if (!streamIds.Add(s.StreamId)) throw new InvalidAppendException($"Stream '{s.StreamId}' appears twice in one import.");
            if (string.IsNullOrWhiteSpace(s.AggregateType))
                throw new InvalidAppendException($"Stream '{s.StreamId}' needs an aggregate type.");
            if (s.Events is null || s.Events.Count == 0)
                throw new InvalidAppendException($"Imported stream '{s.StreamId}' has no events.");
            foreach (var e in s.Events)
            {
                if (e?.Data is null) throw new InvalidAppendException($"An event for stream '{s.StreamId}' has no data.");
                if (!eventIds.Add(e.EventId)) throw new InvalidAppendException($"Event id {e.EventId} appears twice in one import.");
            }
        }
    }

    private List<Row> PrepareStream(ImportedStream s, long micros, IReadOnlyDictionary<Guid, byte[]?> keys)
    {
        var meta = s.Metadata ?? EventMetadata.None;
        var headers = meta.Headers is { Count: > 0 } h ? JsonbText.Canonicalize(JsonSerializer.Serialize(h)) : null;
        var rows = new List<Row>(s.Events.Count);
        long version = 0;
        byte[]? hash = null;
        foreach (var e in s.Events)
        {
            var bytes = store.SerializeForStorage(e.Data, keys);
            if (bytes.Length > store.Options.MaxEventDataBytes)
                throw new InvalidAppendException(
                    $"An event of stream '{s.StreamId}' is {bytes.Length} bytes; the limit is {store.Options.MaxEventDataBytes} bytes.");
            var data = JsonbText.Canonicalize(bytes);
            var alias = store.Types.AliasFor(e.Data.GetType());
            hash = EventHash.Link(EventHash.Content(e.EventId, s.StreamId, alias, data, meta.Tenant, meta.CorrelationId,
                meta.CausationId, meta.Actor, headers), ++version, micros, hash);
            rows.Add(new Row(e.EventId, s.StreamId, version, data, alias, meta, headers, hash));
        }
        return rows;
    }
}
