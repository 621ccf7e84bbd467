using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;
using NpgsqlTypes;
using SecondChance.EventStore.Schema;

namespace SecondChance.EventStore;

/// <summary>The event store: append with optimistic concurrency, read streams, read the global log.</summary>
public sealed partial class PgEventStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _schema;
    private readonly string _appendSql;
    private readonly string _selectColumns;

    public PgEventStore(NpgsqlDataSource dataSource, EventTypeRegistry types, EventStoreOptions options)
    {
        _dataSource = dataSource;
        Types = types;
        Options = options;
        _schema = SchemaMigrator.Qualify(options.Schema);
        _appendSql = $"select r_version, r_seq_id, r_duplicate from {_schema}.append_events($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)";
        _selectColumns = "seq_id, transaction_id::text, id, stream_id, version, type, data::text, timestamp, tenant_id, correlation_id, causation_id, actor, headers::text";
    }

    public EventTypeRegistry Types { get; }
    public EventStoreOptions Options { get; }
    public NpgsqlDataSource DataSource => _dataSource;
    public string Schema => _schema;

    public Task<IReadOnlyList<string>> MigrateAsync(CancellationToken ct = default) =>
        SchemaMigrator.MigrateAsync(_dataSource, _schema, [("event_store", EventStoreMigrations.All)], ct);

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.:\-]{0,199}$")]
    private static partial Regex StreamIdPattern();

    public static bool IsValidStreamId(string? streamId) => streamId is not null && StreamIdPattern().IsMatch(streamId);

    public async Task<AppendResult> AppendAsync(StreamAppend append, CancellationToken ct = default) =>
        (await AppendAsync([append], ct))[0];

    /// <summary>
    /// Appends to one or more streams atomically, in one round trip: either every stream gets its events or none does.
    /// </summary>
    public async Task<IReadOnlyList<AppendResult>> AppendAsync(IReadOnlyList<StreamAppend> appends, CancellationToken ct = default)
    {
        await using var conn = await _dataSource.OpenConnectionAsync(ct);
        return await AppendAsync(conn, null, appends, ct);
    }

    /// <summary>Appends inside a caller's transaction, so inline projections can join it.</summary>
    public async Task<IReadOnlyList<AppendResult>> AppendAsync(
        NpgsqlConnection conn, NpgsqlTransaction? tx, IReadOnlyList<StreamAppend> appends, CancellationToken ct = default)
    {
        var batch = BuildAppendBatch(conn, tx, appends);
        var current = 0;
        try
        {
            var results = new List<AppendResult>(appends.Count);
            await using var reader = await batch.ExecuteReaderAsync(ct);
            foreach (var append in appends)
            {
                var positions = new List<long>(append.Events.Count);
                long version = 0;
                var duplicate = false;
                while (await reader.ReadAsync(ct))
                {
                    version = reader.GetInt64(0);
                    positions.Add(reader.GetInt64(1));
                    duplicate = reader.GetBoolean(2);
                }
                results.Add(new AppendResult(append.StreamId, version, positions, duplicate));
                current++;
                await reader.NextResultAsync(ct);
            }
            return results;
        }
        catch (PostgresException e) when (e.SqlState is "SC409" or "SC422" || e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            var index = e.BatchCommand is { } failed ? batch.BatchCommands.IndexOf(failed) : -1;
            var append = appends[index >= 0 ? index : Math.Min(current, appends.Count - 1)];
            throw e.SqlState switch
            {
                "SC409" => new ConcurrencyException(append.StreamId, append.Expected, long.Parse(e.Hint!, System.Globalization.CultureInfo.InvariantCulture)),
                "SC422" => new InvalidAppendException($"Stream '{append.StreamId}': {e.MessageText}."),
                // two writers raced to create or extend the same stream; the loser saw nothing stored yet
                _ => new ConcurrencyException(append.StreamId, append.Expected, await CurrentVersionAsync(append.StreamId, ct)),
            };
        }
        finally
        {
            await batch.DisposeAsync();
        }
    }

    private NpgsqlBatch BuildAppendBatch(NpgsqlConnection conn, NpgsqlTransaction? tx, IReadOnlyList<StreamAppend> appends)
    {
        if (appends is null || appends.Count == 0) throw new InvalidAppendException("An append names at least one stream.");
        var seenStreams = new HashSet<string>(StringComparer.Ordinal);
        var seenIds = new HashSet<Guid>();
        var batch = new NpgsqlBatch(conn, tx);
        foreach (var append in appends)
        {
            Validate(append, seenStreams, seenIds);
            var meta = append.Metadata ?? EventMetadata.None;
            var n = append.Events.Count;
            var ids = new Guid[n];
            var types = new string[n];
            var data = new string[n];
            for (var i = 0; i < n; i++)
            {
                var e = append.Events[i];
                ids[i] = e.EventId;
                types[i] = Types.AliasFor(e.Data.GetType());
                var bytes = Types.Serialize(e.Data);
                if (bytes.Length > Options.MaxEventDataBytes)
                    throw new InvalidAppendException(
                        $"Event {i} of stream '{append.StreamId}' is {bytes.Length} bytes; the limit is {Options.MaxEventDataBytes} bytes.");
                data[i] = Encoding.UTF8.GetString(bytes);
            }
            var cmd = new NpgsqlBatchCommand(_appendSql);
            var p = cmd.Parameters;
            p.Add(new() { Value = append.StreamId });
            p.Add(new() { Value = append.AggregateType });
            p.Add(new() { Value = (int)append.Expected.Kind });
            p.Add(new() { Value = append.Expected.Value });
            p.Add(new() { Value = meta.Tenant });
            p.Add(new() { Value = ids });
            p.Add(new() { Value = types });
            p.Add(new() { Value = data, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
            p.Add(new() { Value = (object?)meta.CorrelationId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
            p.Add(new() { Value = (object?)meta.CausationId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
            p.Add(new() { Value = (object?)meta.Actor ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            p.Add(new()
            {
                Value = meta.Headers is { Count: > 0 } h ? JsonSerializer.Serialize(h) : DBNull.Value,
                NpgsqlDbType = NpgsqlDbType.Jsonb,
            });
            batch.BatchCommands.Add(cmd);
        }
        return batch;
    }

    private void Validate(StreamAppend append, HashSet<string> seenStreams, HashSet<Guid> seenIds)
    {
        if (append is null) throw new InvalidAppendException("An append is null.");
        if (!IsValidStreamId(append.StreamId))
            throw new InvalidAppendException(
                $"Stream id '{append.StreamId}' is malformed: 1 to 200 characters of letters, digits, '.', '_', ':' or '-', starting with a letter or digit.");
        if (!seenStreams.Add(append.StreamId))
            throw new InvalidAppendException($"Stream '{append.StreamId}' appears twice in one append.");
        if (string.IsNullOrWhiteSpace(append.AggregateType) || append.AggregateType.Length > 100)
            throw new InvalidAppendException($"Stream '{append.StreamId}' needs an aggregate type of 1 to 100 characters.");
        if (append.Events is null || append.Events.Count == 0)
            throw new InvalidAppendException($"An append to stream '{append.StreamId}' has no events.");
        if (append.Events.Count > Options.MaxEventsPerAppend)
            throw new InvalidAppendException(
                $"An append to stream '{append.StreamId}' has {append.Events.Count} events; the limit is {Options.MaxEventsPerAppend}.");
        foreach (var e in append.Events)
        {
            if (e?.Data is null) throw new InvalidAppendException($"An event for stream '{append.StreamId}' has no data.");
            if (e.EventId == Guid.Empty) throw new InvalidAppendException($"An event for stream '{append.StreamId}' has an empty id.");
            if (!seenIds.Add(e.EventId)) throw new InvalidAppendException($"Event id {e.EventId} appears twice in one append.");
        }
        var meta = append.Metadata ?? EventMetadata.None;
        if (meta.Actor is { Length: > 200 }) throw new InvalidAppendException("The actor is longer than 200 characters.");
        if (string.IsNullOrEmpty(meta.Tenant) || meta.Tenant.Length > 100)
            throw new InvalidAppendException("The tenant must be 1 to 100 characters.");
    }

    private async Task<long> CurrentVersionAsync(string streamId, CancellationToken ct)
    {
        await using var cmd = _dataSource.CreateCommand($"select version from {_schema}.streams where id = $1");
        cmd.Parameters.Add(new() { Value = streamId });
        return await cmd.ExecuteScalarAsync(ct) is long v ? v : 0;
    }

    public async Task<StreamInfo?> FetchStreamAsync(string streamId, CancellationToken ct = default)
    {
        await using var cmd = _dataSource.CreateCommand(
            $"select id, type, version, created, timestamp, tenant_id, is_archived from {_schema}.streams where id = $1");
        cmd.Parameters.Add(new() { Value = streamId ?? "" });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        return new StreamInfo(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetFieldValue<DateTimeOffset>(3),
            r.GetFieldValue<DateTimeOffset>(4), r.GetString(5), r.GetBoolean(6));
    }

    /// <summary>
    /// Reads a stream in version order, optionally only up to a version or as it stood at an instant (time travel).
    /// </summary>
    public async Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(
        string streamId, long? upToVersion = null, DateTimeOffset? asOf = null, CancellationToken ct = default)
    {
        await using var cmd = _dataSource.CreateCommand($"""
            select {_selectColumns} from {_schema}.events
             where stream_id = $1 and version <= $2 and timestamp <= $3
             order by version
            """);
        cmd.Parameters.Add(new() { Value = streamId ?? "" });
        cmd.Parameters.Add(new() { Value = upToVersion ?? long.MaxValue });
        cmd.Parameters.Add(new() { Value = asOf ?? DateTimeOffset.MaxValue, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return await ReadEvents(cmd, ct);
    }

    /// <summary>Folds a stream into state; returns the state and the version it reflects (0 when the stream is absent).</summary>
    public async Task<(TState State, long Version)> AggregateAsync<TState>(
        string streamId, TState initial, Func<TState, object, TState> evolve,
        long? upToVersion = null, DateTimeOffset? asOf = null, CancellationToken ct = default)
    {
        var state = initial;
        long version = 0;
        foreach (var e in await ReadStreamAsync(streamId, upToVersion, asOf, ct))
        {
            state = evolve(state, e.Data);
            version = e.Version;
        }
        return (state, version);
    }

    /// <summary>
    /// Reads the global log after a cursor, in (transaction, sequence) order. Only events of transactions older than
    /// every transaction still running are returned, so an event that commits late is never skipped.
    /// </summary>
    public async Task<IReadOnlyList<StoredEvent>> ReadAllAsync(GlobalCursor after, int batchSize, CancellationToken ct = default)
    {
        await using var cmd = _dataSource.CreateCommand($"""
            select {_selectColumns} from {_schema}.events
             where (transaction_id, seq_id) > ($1::text::xid8, $2)
               and transaction_id < pg_snapshot_xmin(pg_current_snapshot())
             order by transaction_id, seq_id
             limit $3
            """);
        cmd.Parameters.Add(new() { Value = after.TransactionId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        cmd.Parameters.Add(new() { Value = after.Position });
        cmd.Parameters.Add(new() { Value = Math.Clamp(batchSize, 1, 100_000) });
        return await ReadEvents(cmd, ct);
    }

    private async Task<IReadOnlyList<StoredEvent>> ReadEvents(NpgsqlCommand cmd, CancellationToken ct)
    {
        var list = new List<StoredEvent>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) list.Add(ReadEvent(r));
        return list;
    }

    private StoredEvent ReadEvent(NpgsqlDataReader r)
    {
        var (alias, data) = Types.Deserialize(r.GetString(5), r.GetString(6));
        return new StoredEvent(
            Position: r.GetInt64(0),
            TransactionId: ulong.Parse(r.GetString(1), System.Globalization.CultureInfo.InvariantCulture),
            EventId: r.GetGuid(2),
            StreamId: r.GetString(3),
            Version: r.GetInt64(4),
            Alias: alias,
            Data: data,
            Timestamp: r.GetFieldValue<DateTimeOffset>(7),
            Tenant: r.GetString(8),
            CorrelationId: r.IsDBNull(9) ? null : r.GetGuid(9),
            CausationId: r.IsDBNull(10) ? null : r.GetGuid(10),
            Actor: r.IsDBNull(11) ? null : r.GetString(11),
            Headers: r.IsDBNull(12)
                ? EmptyHeaders
                : JsonSerializer.Deserialize<Dictionary<string, string>>(r.GetString(12)) ?? EmptyHeaders);
    }

    private static readonly IReadOnlyDictionary<string, string> EmptyHeaders = new Dictionary<string, string>();
}
