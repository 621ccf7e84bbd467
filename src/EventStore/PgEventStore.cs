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
    private readonly string _appendOneSql;
    private readonly string _appendOneGuardedSql;
    private readonly string _appendOneLinkedSql;
    private readonly string _refusedSql;
    private readonly string _selectColumns;

    private readonly IReadOnlyList<IInlineProjection> _inline;
    private readonly SharedCommits _shared;

    public PgEventStore(NpgsqlDataSource dataSource, EventTypeRegistry types, EventStoreOptions options,
        IEnumerable<IInlineProjection>? inlineProjections = null)
    {
        _inline = inlineProjections?.ToArray() ?? [];
        _dataSource = dataSource;
        Types = types;
        Options = options;
        _shared = new SharedCommits(this);
        _schema = SchemaMigrator.Qualify(options.Schema);
        Keys = new Privacy.SubjectKeys(dataSource, _schema);
        // One statement per stream. The expected version is checked against the stream's newest event (h) before the
        // events insert asks for sequence values, so a refused append consumes none; the (stream_id, version) key
        // refuses a writer that loses a race at the same instant. $2 is the expected version, -1 for any, -2 for "must
        // exist", 0 for "must not exist". A new stream gets its registry row (type, tenant, created) in the same
        // statement. The client sends each event's content hash ($13); chain_hashes links them to the versions, the
        // timestamp and the stream's previous head. No row matched means a retry or a conflict, which append_refused
        // tells apart and raises.
        var hashes = $"{_schema}.chain_hashes(b.head_hash, $13, b.version, b.ts)";
        var head = $"select e.version, e.timestamp, e.hash from {_schema}.events e where e.stream_id = $1 order by e.version desc limit 1";
        _appendSql = $"""
            with c as (select clock_timestamp() as t),
            h as ({head}),
            b as (
              select h.version, greatest(c.t, h.timestamp) as ts, h.hash as head_hash
                from h, c where $2 <> 0 and ($2 < 0 or h.version = $2)
              union all
              select 0::bigint, c.t, null::bytea from c where $2 in (-1, 0) and not exists (select 1 from h)),
            cr as (
              insert into {_schema}.stream_registry (id, type, created, tenant_id)
              select $1, $12, b.ts, $3 from b where b.version = 0
              on conflict (id) do nothing),
            ch as (select b.version as prev, b.ts, {hashes} as hashes from b),
            ins as (
              insert into {_schema}.events (id, stream_id, version, data, type, timestamp, tenant_id,
                                            correlation_id, causation_id, actor, headers, hash)
              select u.id, $1, ch.prev + u.ord, u.data, u.type, ch.ts, $3, $7, $8, $9, $10, ch.hashes[u.ord]
                from ch cross join unnest($4::uuid[], $5::text[], $6::jsonb[]) with ordinality as u(id, type, data, ord)
               order by u.ord
              returning version, seq_id, timestamp, transaction_id, hash)
            select * from ins
            union all
            select 0, {_schema}.append_refused($1, $4), null, null, null where not exists (select 1 from b)
            """;
        // The hot path: one event onto an existing stream at an expected version. The newest event gives the version to
        // check and the head the event's content hash ($11) is linked to, with the version and timestamp. Alone in its
        // call it returns no row when refused, and the caller asks append_refused why; beside other streams it raises at
        // once, so the whole call rolls back.
        var appendOne = $"""
            with h as ({head}),
            up as (
              select h.version + 1 as version, greatest(statement_timestamp(), h.timestamp) as timestamp, h.hash as previous
                from h where $2 = -2 or h.version = $2)
            """;
        string InsertOne(string returning) => $"""
              insert into {_schema}.events (id, stream_id, version, data, type, timestamp, tenant_id,
                                            correlation_id, causation_id, actor, headers, hash)
              select $4, $1, up.version, $6, $5, up.timestamp, $3, $7, $8, $9, $10,
                     sha256($11 || int8send(up.version) || timestamptz_send(up.timestamp) || up.previous) from up
              returning {returning}
            """;
        const string allColumns = "version, seq_id, timestamp, transaction_id, hash";
        _appendOneSql = appendOne + InsertOne(allColumns);
        _appendOneGuardedSql = appendOne.TrimEnd() + $"""
            ,
            ins as ({InsertOne(allColumns)})
            select * from ins
            union all
            select 0, {_schema}.append_refused($1, array[$4]::uuid[]), null, null, null where not exists (select 1 from up)
            """;
        // The same append when this process committed the stream's newest event itself, at the expected version. Events
        // are never changed, so that event is still the head unless another writer appended after it, and then the
        // (stream_id, version) key refuses this one. The client links the event ($11) at a time it proposes ($12): one
        // row is written and nothing read. The time must lie within the tolerance of the database's clock, and the
        // sequence must be past the newest position this process has seen ($13): a database restored from a backup, or
        // emptied, hands out smaller ones, and this process's knowledge of heads is then void. Otherwise no row is
        // written and the append is sent again the ordinary way.
        _appendOneLinkedSql = $"""
            insert into {_schema}.events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id,
                                          correlation_id, causation_id, actor, headers, hash)
            select n.seq, $4, $1, $2 + 1, $6, $5, $12, $3, $7, $8, $9, $10, $11
              from (select nextval('{_schema}.events_sequence') as seq) n
             where n.seq > $13
               and $12 between statement_timestamp() - interval '{ClockTolerance.TotalMilliseconds} milliseconds'
                           and statement_timestamp() + interval '{ClockTolerance.TotalMilliseconds} milliseconds'
            returning seq_id, transaction_id
            """;
        _refusedSql = $"select {_schema}.append_refused($1, $2)";
        _selectColumns = "seq_id, transaction_id::text, id, stream_id, version, type, data::text, timestamp, tenant_id, correlation_id, causation_id, actor, headers::text";
    }

    /// <summary>Raised after events are committed by this process, so a projection daemon here can wake at once.</summary>
    public event Action? Committed;

    /// <summary>For a caller that commits its own transaction around an append (to write more rows in it).</summary>
    public void NotifyCommitted() => Committed?.Invoke();

    public EventTypeRegistry Types { get; }

    /// <summary>Per-person encryption keys; erasing a person destroys theirs.</summary>
    public Privacy.SubjectKeys Keys { get; }
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
    /// A single event onto an existing stream may share its transaction with appends of other callers that arrive while
    /// another append is being written (see <see cref="SharedCommits"/>); it is acknowledged only after that commit.
    /// </summary>
    public async Task<IReadOnlyList<AppendResult>> AppendAsync(IReadOnlyList<StreamAppend> appends, CancellationToken ct = default)
    {
        if (appends is null || appends.Count == 0) throw new InvalidAppendException("An append names at least one stream.");
        var prepared = Prepare(appends, await KeysForAsync(appends, ct));
        if (prepared.Length == 1 && prepared[0].IsSingleOntoExisting) return [await _shared.AppendAsync(prepared[0], ct)];
        return await AppendOwnAsync(appends, prepared, ct);
    }

    private const int MaxRaceRetries = 100;

    /// <summary>
    /// Appends in a transaction of its own (with the inline projections, when there are any). An append that expects
    /// any version, or only that the stream exists, and loses a race for its version to another writer is tried again.
    /// </summary>
    private async Task<IReadOnlyList<AppendResult>> AppendOwnAsync(IReadOnlyList<StreamAppend> appends, PreparedAppend[] prepared,
        CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await AppendOwnOnceAsync(appends, prepared, ct);
            }
            catch (VersionTakenException taken)
            {
                if (attempt == MaxRaceRetries) throw taken.Conflict;
            }
        }
    }

    private async Task<IReadOnlyList<AppendResult>> AppendOwnOnceAsync(IReadOnlyList<StreamAppend> appends, PreparedAppend[] prepared,
        CancellationToken ct)
    {
        await using var conn = await _dataSource.OpenConnectionAsync(ct);
        var heads = new List<(string Stream, StoredRow Head)>(appends.Count);
        if (_inline.Count == 0)
        {
            var appended = await AppendPreparedAsync(conn, null, appends, prepared, ct, heads);
            Remember(heads);
            Committed?.Invoke();
            return appended;
        }

        // read models whose readers must see their own writes change in the append's transaction
        IReadOnlyList<AppendResult> results;
        try
        {
            await using var tx = await conn.BeginTransactionAsync(ct);
            results = await AppendPreparedAsync(conn, tx, appends, prepared, ct, heads);
            var events = results.SelectMany(r => r.Events).ToList();
            foreach (var projection in _inline) await projection.ApplyAsync(conn, tx, events, ct);
            await tx.CommitAsync(ct);
            Remember(heads);
            Committed?.Invoke();
        }
        catch (Exception e) when (e is InvalidAppendException or ConcurrencyException)
        {
            // inside a transaction a retry surfaces as a stored event id or version; answer it like any other retry
            if (await StoredAlready(appends, ct) is { } original) return original;
            throw;
        }
        return results;
    }

    /// <summary>Appends inside a caller's transaction, so inline projections can join it.</summary>
    public async Task<IReadOnlyList<AppendResult>> AppendAsync(
        NpgsqlConnection conn, NpgsqlTransaction? tx, IReadOnlyList<StreamAppend> appends, CancellationToken ct = default)
    {
        if (appends is null || appends.Count == 0) throw new InvalidAppendException("An append names at least one stream.");
        var prepared = Prepare(appends, await KeysForAsync(appends, ct));
        try
        {
            return await AppendPreparedAsync(conn, tx, appends, prepared, ct);
        }
        catch (VersionTakenException taken)
        {
            // the caller's transaction is aborted, so the append cannot be tried again inside it
            throw taken.Conflict;
        }
    }

    /// <summary>Another writer took the version an append that expects any version (or an existing stream) was given.</summary>
    private sealed class VersionTakenException(ConcurrencyException conflict) : Exception(conflict.Message, conflict)
    {
        public ConcurrencyException Conflict { get; } = conflict;
    }

    /// <param name="heads">Collects each stream's new head, for the caller to remember once its transaction commits.</param>
    private async Task<IReadOnlyList<AppendResult>> AppendPreparedAsync(NpgsqlConnection conn, NpgsqlTransaction? tx,
        IReadOnlyList<StreamAppend> appends, PreparedAppend[] prepared, CancellationToken ct,
        List<(string Stream, StoredRow Head)>? heads = null)
    {
        var current = 0;
        NpgsqlBatch? batch = null;
        try
        {
            if (prepared.Length == 1 && prepared[0].IsSingleOntoExisting)
            {
                var rows = await AppendOneAsync(conn, tx, prepared[0], linkIfKnown: true, ct);
                if (rows.Count == 0) await RaiseRefusalAsync(conn, tx, prepared[0], ct);
                heads?.Add((appends[0].StreamId, rows[^1]));
                return [Stored(appends[0], rows)];
            }

            batch = new NpgsqlBatch(conn, tx);
            foreach (var append in prepared)
            {
                var cmd = new NpgsqlBatchCommand();
                if (append.IsSingleOntoExisting) cmd.CommandText = BindOne(append, cmd.Parameters, linkIfKnown: false, out _, guarded: true);
                else
                {
                    cmd.CommandText = _appendSql;
                    append.AddParameters(cmd.Parameters);
                }
                batch.BatchCommands.Add(cmd);
            }
            var results = new List<AppendResult>(appends.Count);
            await using (var reader = await batch.ExecuteReaderAsync(ct))
            {
                foreach (var append in appends)
                {
                    var rows = await ReadRows(reader, append.Events.Count, ct);
                    if (rows.Count > 0) heads?.Add((append.StreamId, rows.MaxBy(r => r.Version)));
                    results.Add(Stored(append, rows));
                    current++;
                    await reader.NextResultAsync(ct);
                }
            }
            return results;
        }
        catch (PostgresException e) when (e.SqlState is "SC409" or "SC200" || e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            var index = e.BatchCommand is { } failed && batch is not null ? batch.BatchCommands.IndexOf(failed) : -1;
            var append = appends[index >= 0 ? index : Math.Min(current, appends.Count - 1)];
            Forget(append.StreamId);
            if (e.SqlState == "SC409")
                throw new ConcurrencyException(append.StreamId, append.Expected, long.Parse(e.Hint!, System.Globalization.CultureInfo.InvariantCulture));
            // a retry of an append that was stored before: answer with the original positions (inside a transaction the
            // failure has aborted it, and the caller asks)
            if (tx is null && await StoredAlready(appends, ct) is { } original) return original;
            if (e.ConstraintName != "events_stream_version_unique")
                throw new InvalidAppendException(tx is not null
                    ? $"Stream '{append.StreamId}': an event id is already stored."
                    : $"Stream '{append.StreamId}': some but not all of its event ids are stored already, or they belong to another stream.");
            // another writer took the version first, between the check and the insert
            var conflict = new ConcurrencyException(append.StreamId, append.Expected, await CurrentVersionAsync(append.StreamId, ct));
            throw Array.Exists(prepared, p => p.Expected < 0) ? new VersionTakenException(conflict) : conflict;
        }
        finally
        {
            if (batch is not null) await batch.DisposeAsync();
        }
    }

    /// <summary>How far the time an append proposes may lie from the database's clock.</summary>
    public static readonly TimeSpan ClockTolerance = TimeSpan.FromSeconds(1);

    private const int MaxKnownHeads = 100_000;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, StreamHead> _heads = new(StringComparer.Ordinal);
    private long _linkingPausedUntilTicks;
    private long _newestPosition;

    /// <summary>A stream's newest event as this process last committed it.</summary>
    private sealed record StreamHead(long Version, byte[] Hash, DateTimeOffset Timestamp);

    private void Remember(List<(string Stream, StoredRow Head)> heads)
    {
        if (_heads.Count + heads.Count > MaxKnownHeads) _heads.Clear();
        var now = Options.Clock.GetUtcNow();
        foreach (var (stream, head) in heads)
        {
            if (head.Hash is { } hash) _heads[stream] = new StreamHead(head.Version, hash, head.Timestamp);
            RaiseTo(ref _newestPosition, head.Position);
            // a time the database gave that is this far from this clock: proposed times would be refused, so stop a while
            if ((head.Timestamp - now).Duration() > ClockTolerance)
                Interlocked.Exchange(ref _linkingPausedUntilTicks, now.AddMinutes(5).UtcTicks);
        }
    }

    private static void RaiseTo(ref long target, long value)
    {
        for (var seen = Interlocked.Read(ref target); value > seen;)
        {
            var was = Interlocked.CompareExchange(ref target, value, seen);
            if (was == seen) return;
            seen = was;
        }
    }

    private void Forget(string streamId) => _heads.TryRemove(streamId, out _);

    /// <summary>A linked append was refused: the clock is out, or the database went back (restored or emptied).</summary>
    private void ForgetAll()
    {
        _heads.Clear();
        Interlocked.Exchange(ref _newestPosition, 0);
    }

    /// <summary>
    /// The single-event statement, with its parameters: linked by the client when this process knows the stream's head
    /// at the expected version, else the ordinary one (guarded when other streams share the call).
    /// </summary>
    /// <param name="linked">The stream's new head when the client linked the event (the statement then returns only
    /// the position and transaction), else null.</param>
    private string BindOne(PreparedAppend append, NpgsqlParameterCollection p, bool linkIfKnown, out StreamHead? linked,
        bool guarded = false)
    {
        linked = null;
        var now = Options.Clock.GetUtcNow();
        if (linkIfKnown && !guarded && append.Expected > 0 && now.UtcTicks >= Interlocked.Read(ref _linkingPausedUntilTicks)
            && _heads.TryGetValue(append.Append.StreamId, out var head) && head.Version == append.Expected)
        {
            var at = Audit.EventHash.TruncateToMicros(now > head.Timestamp ? now : head.Timestamp);
            var link = Audit.EventHash.Link(append.Contents[0], append.Expected + 1, Audit.EventHash.Micros(at), head.Hash);
            append.AddLinkedParameters(p, link, at, Interlocked.Read(ref _newestPosition));
            linked = new StreamHead(append.Expected + 1, link, at);
            return _appendOneLinkedSql;
        }
        append.AddOneParameters(p);
        return guarded ? _appendOneGuardedSql : _appendOneSql;
    }

    /// <summary>
    /// One event onto an existing stream. No row back means refused. A linked attempt that is refused (the clock is out,
    /// or the database went back) is sent once more the ordinary way. A linked attempt onto a stream another writer has
    /// moved on fails on the (stream_id, version) key, a conflict like any other.
    /// </summary>
    private async Task<List<StoredRow>> AppendOneAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, PreparedAppend append,
        bool linkIfKnown, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand { Connection = conn, Transaction = tx };
        cmd.CommandText = BindOne(append, cmd.Parameters, linkIfKnown, out var linked);
        List<StoredRow> rows;
        await using (var reader = await cmd.ExecuteReaderAsync(ct)) rows = await ReadRows(reader, 1, ct, linked);
        if (rows.Count > 0 || linked is null) return rows;

        ForgetAll();
        return await AppendOneAsync(conn, tx, append, linkIfKnown: false, ct);
    }

    private readonly record struct StoredRow(long Version, long Position, DateTimeOffset Timestamp, ulong Tx, byte[]? Hash);

    private static async Task<List<StoredRow>> ReadRows(NpgsqlDataReader reader, int expected, CancellationToken ct,
        StreamHead? linked = null)
    {
        var rows = new List<StoredRow>(expected);
        while (await reader.ReadAsync(ct))
            rows.Add(linked is not null
                ? new StoredRow(linked.Version, reader.GetInt64(0), linked.Timestamp, reader.GetFieldValue<ulong>(1), linked.Hash)
                : new StoredRow(reader.GetInt64(0), reader.GetInt64(1), reader.GetFieldValue<DateTimeOffset>(2),
                reader.GetFieldValue<ulong>(3), reader.IsDBNull(4) ? null : reader.GetFieldValue<byte[]>(4)));
        return rows;
    }

    /// <summary>The single-event statement found the stream elsewhere: append_refused raises a retry or a conflict.</summary>
    private async Task RaiseRefusalAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, PreparedAppend append, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(_refusedSql, conn, tx);
        cmd.Parameters.Add(new() { Value = append.Append.StreamId });
        cmd.Parameters.Add(new() { Value = append.Ids });
        await cmd.ExecuteNonQueryAsync(ct);
        throw new InvalidOperationException($"append_refused did not refuse the append to '{append.Append.StreamId}'.");
    }

    private AppendResult Stored(StreamAppend append, List<StoredRow> rows)
    {
        rows.Sort((x, y) => x.Version.CompareTo(y.Version));
        var meta = append.Metadata ?? EventMetadata.None;
        var headers = meta.Headers ?? EmptyHeaders;
        var events = new StoredEvent[rows.Count];
        var positions = new long[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            positions[i] = rows[i].Position;
            var e = append.Events[i];
            events[i] = new StoredEvent(rows[i].Position, rows[i].Tx, e.EventId, append.StreamId, rows[i].Version,
                Types.AliasFor(e.Data.GetType()), e.Data, rows[i].Timestamp, meta.Tenant, meta.CorrelationId, meta.CausationId,
                meta.Actor, headers);
        }
        return new AppendResult(append.StreamId, rows.Count == 0 ? 0 : rows[^1].Version, positions, WasDuplicate: false, events);
    }

    private async Task<IReadOnlyList<AppendResult>?> StoredAlready(IReadOnlyList<StreamAppend> appends, CancellationToken ct)
    {
        await using var cmd = _dataSource.CreateCommand($"select id, stream_id, version, seq_id from {_schema}.events where id = any($1)");
        cmd.Parameters.Add(new() { Value = appends.SelectMany(a => a.Events.Select(e => e.EventId)).ToArray() });
        var stored = new Dictionary<Guid, (string Stream, long Version, long Position)>();
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) stored[r.GetGuid(0)] = (r.GetString(1), r.GetInt64(2), r.GetInt64(3));
        var results = new List<AppendResult>(appends.Count);
        foreach (var append in appends)
        {
            var mine = append.Events.Select(e => stored.TryGetValue(e.EventId, out var s) && s.Stream == append.StreamId ? s : default).ToList();
            if (mine.Any(s => s.Stream is null)) return null;
            results.Add(new AppendResult(append.StreamId, mine.Max(s => s.Version), mine.Select(s => s.Position).Order().ToList(), WasDuplicate: true, []));
        }
        return results;
    }

    /// <summary>Keys of the people whose personal data the append records; committed on their own, never rolled back.</summary>
    internal Task<IReadOnlyDictionary<Guid, byte[]?>> KeysForAsync(IEnumerable<StreamAppend?>? appends, CancellationToken ct)
    {
        List<Guid>? subjects = null;
        foreach (var append in appends ?? [])
        {
            if (append?.Events is null) continue;
            foreach (var e in append.Events)
                if (e?.Data is not null && Types.ProtectionFor(e.Data.GetType()) is { } protection)
                    (subjects ??= []).Add(protection.SubjectOf(e.Data));
        }
        return subjects is null ? NoKeysTask : Keys.GetOrCreateAsync(subjects, null, ct);
    }

    private static readonly IReadOnlyDictionary<Guid, byte[]?> NoKeys = new Dictionary<Guid, byte[]?>();
    private static readonly Task<IReadOnlyDictionary<Guid, byte[]?>> NoKeysTask = Task.FromResult(NoKeys);

    /// <summary>Serialized event data as stored: personal fields encrypted under their subject's key.</summary>
    internal byte[] SerializeForStorage(object data, IReadOnlyDictionary<Guid, byte[]?> keys) =>
        Types.ProtectionFor(data.GetType()) is { } protection
            ? Types.SerializeProtected(data, protection, subject => keys.GetValueOrDefault(subject))
            : Types.Serialize(data);

    /// <summary>
    /// An append made ready to send: validated, serialised as stored (personal fields encrypted), canonical as jsonb prints
    /// it, and each event's content hashed for the chain the database links.
    /// </summary>
    internal sealed record PreparedAppend(StreamAppend Append, long Expected, Guid[] Ids, string[] Types, string[] Data,
        byte[][] Contents, string? Headers)
    {
        public bool IsSingleOntoExisting => Ids.Length == 1 && Expected is -2 or > 0;

        public void AddOneParameters(NpgsqlParameterCollection p)
        {
            AddOneEvent(p);
            p.Add(new NpgsqlParameter<byte[]> { TypedValue = Contents[0] });
        }

        public void AddLinkedParameters(NpgsqlParameterCollection p, byte[] link, DateTimeOffset at, long newestPosition)
        {
            AddOneEvent(p);
            p.Add(new NpgsqlParameter<byte[]> { TypedValue = link });
            p.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = at });
            p.Add(new NpgsqlParameter<long> { TypedValue = newestPosition });
        }

        private void AddOneEvent(NpgsqlParameterCollection p)
        {
            AddShared(p);
            p.Add(new NpgsqlParameter<Guid> { TypedValue = Ids[0] });
            p.Add(new NpgsqlParameter<string> { TypedValue = Types[0] });
            p.Add(new NpgsqlParameter<string> { TypedValue = Data[0], NpgsqlDbType = NpgsqlDbType.Jsonb });
            AddMetadata(p);
        }

        public void AddParameters(NpgsqlParameterCollection p)
        {
            AddShared(p);
            p.Add(new NpgsqlParameter<Guid[]> { TypedValue = Ids });
            p.Add(new NpgsqlParameter<string[]> { TypedValue = Types });
            p.Add(new NpgsqlParameter<string[]> { TypedValue = Data, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
            AddMetadata(p);
            p.Add(new NpgsqlParameter<long> { TypedValue = Ids.Length });
            p.Add(new NpgsqlParameter<string> { TypedValue = Append.AggregateType });
            p.Add(new NpgsqlParameter<byte[][]> { TypedValue = Contents });
        }

        private void AddShared(NpgsqlParameterCollection p)
        {
            p.Add(new NpgsqlParameter<string> { TypedValue = Append.StreamId });
            p.Add(new NpgsqlParameter<long> { TypedValue = Expected });
            p.Add(new NpgsqlParameter<string> { TypedValue = (Append.Metadata ?? EventMetadata.None).Tenant });
        }

        private void AddMetadata(NpgsqlParameterCollection p)
        {
            var meta = Append.Metadata ?? EventMetadata.None;
            p.Add(Nullable(meta.CorrelationId, NpgsqlDbType.Uuid));
            p.Add(Nullable(meta.CausationId, NpgsqlDbType.Uuid));
            p.Add(meta.Actor is { } actor ? new NpgsqlParameter<string> { TypedValue = actor } : new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            p.Add(Headers is { } headers
                ? new NpgsqlParameter<string> { TypedValue = headers, NpgsqlDbType = NpgsqlDbType.Jsonb }
                : new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.Jsonb });
        }

        private static NpgsqlParameter Nullable(Guid? value, NpgsqlDbType type) => value is { } v
            ? new NpgsqlParameter<Guid> { TypedValue = v }
            : new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = type };
    }

    private PreparedAppend[] Prepare(IReadOnlyList<StreamAppend> appends, IReadOnlyDictionary<Guid, byte[]?> keys)
    {
        // one event to one stream (the common case) cannot repeat a stream or an id
        var lone = appends.Count == 1 && appends[0]?.Events is { Count: 1 };
        var seenStreams = lone ? null : new HashSet<string>(StringComparer.Ordinal);
        var seenIds = lone ? null : new HashSet<Guid>();
        var prepared = new PreparedAppend[appends.Count];
        for (var a = 0; a < appends.Count; a++)
        {
            var append = appends[a];
            Validate(append, seenStreams, seenIds);
            var meta = append.Metadata ?? EventMetadata.None;
            var headers = meta.Headers is { Count: > 0 } h ? Audit.JsonbText.Canonicalize(JsonSerializer.Serialize(h)) : null;
            var n = append.Events.Count;
            var ids = new Guid[n];
            var types = new string[n];
            var data = new string[n];
            var contents = new byte[n][];
            for (var i = 0; i < n; i++)
            {
                var e = append.Events[i];
                ids[i] = e.EventId;
                types[i] = Types.AliasFor(e.Data.GetType());
                var bytes = SerializeForStorage(e.Data, keys);
                if (bytes.Length > Options.MaxEventDataBytes)
                    throw new InvalidAppendException(
                        $"Event {i} of stream '{append.StreamId}' is {bytes.Length} bytes; the limit is {Options.MaxEventDataBytes} bytes.");
                data[i] = Audit.JsonbText.Canonicalize(bytes);
                contents[i] = Audit.EventHash.Content(ids[i], append.StreamId, types[i], data[i], meta.Tenant,
                    meta.CorrelationId, meta.CausationId, meta.Actor, headers);
            }
            var expected = append.Expected.Kind switch
            {
                ExpectedVersionKind.Any => -1L,
                ExpectedVersionKind.StreamExists => -2L,
                ExpectedVersionKind.NoStream => 0L,
                _ => append.Expected.Value,
            };
            prepared[a] = new PreparedAppend(append, expected, ids, types, data, contents, headers);
        }
        return prepared;
    }

    private void Validate(StreamAppend append, HashSet<string>? seenStreams, HashSet<Guid>? seenIds)
    {
        if (append is null) throw new InvalidAppendException("An append is null.");
        if (!IsValidStreamId(append.StreamId))
            throw new InvalidAppendException(
                $"Stream id '{append.StreamId}' is malformed: 1 to 200 characters of letters, digits, '.', '_', ':' or '-', starting with a letter or digit.");
        if (seenStreams is not null && !seenStreams.Add(append.StreamId))
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
            if (seenIds is not null && !seenIds.Add(e.EventId)) throw new InvalidAppendException($"Event id {e.EventId} appears twice in one append.");
        }
        var meta = append.Metadata ?? EventMetadata.None;
        if (meta.Actor is { Length: > 200 }) throw new InvalidAppendException("The actor is longer than 200 characters.");
        if (string.IsNullOrEmpty(meta.Tenant) || meta.Tenant.Length > 100)
            throw new InvalidAppendException("The tenant must be 1 to 100 characters.");
    }

    private async Task<long> CurrentVersionAsync(string streamId, CancellationToken ct)
    {
        await using var cmd = _dataSource.CreateCommand($"select max(version) from {_schema}.events where stream_id = $1");
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
        // ordered by the qualified column: the bare name would mean the selected transaction_id::text, sorting xids as text
        // (so '10' before '9') and defeating the index
        await using var cmd = _dataSource.CreateCommand($"""
            select {_selectColumns} from {_schema}.events e
             where (transaction_id, seq_id) > ($1::text::xid8, $2)
               and transaction_id < pg_snapshot_xmin(pg_current_snapshot())
             order by e.transaction_id, e.seq_id
             limit $3
            """);
        cmd.Parameters.Add(new() { Value = after.TransactionId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        cmd.Parameters.Add(new() { Value = after.Position });
        cmd.Parameters.Add(new() { Value = Math.Clamp(batchSize, 1, 100_000) });
        return await ReadEvents(cmd, ct);
    }

    /// <summary>
    /// Every committed event after a cursor, in the same order, without holding back those of transactions newer than a
    /// running one. Only for a caller that has stopped the writers it depends on, e.g. a rebuild swapping in an inline
    /// projection: an ordinary reader would skip late commits.
    /// </summary>
    public async Task<IReadOnlyList<StoredEvent>> ReadAllCommittedAsync(GlobalCursor after, int batchSize, CancellationToken ct = default)
    {
        await using var cmd = _dataSource.CreateCommand($"""
            select {_selectColumns} from {_schema}.events e
             where (transaction_id, seq_id) > ($1::text::xid8, $2)
             order by e.transaction_id, e.seq_id
             limit $3
            """);
        cmd.Parameters.Add(new() { Value = after.TransactionId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        cmd.Parameters.Add(new() { Value = after.Position });
        cmd.Parameters.Add(new() { Value = Math.Clamp(batchSize, 1, 100_000) });
        return await ReadEvents(cmd, ct);
    }

    /// <summary>
    /// Whether any event, visible to readers yet or not, lies after the cursor: a reader that found nothing although
    /// this is true is being held back by an open transaction and should look again soon.
    /// </summary>
    public async Task<bool> HasEventsAfterAsync(GlobalCursor after, CancellationToken ct = default)
    {
        await using var cmd = _dataSource.CreateCommand($"""
            select exists (select 1 from {_schema}.events where (transaction_id, seq_id) > ($1::text::xid8, $2))
            """);
        cmd.Parameters.Add(new() { Value = after.TransactionId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        cmd.Parameters.Add(new() { Value = after.Position });
        return await cmd.ExecuteScalarAsync(ct) is true;
    }

    private async Task<IReadOnlyList<StoredEvent>> ReadEvents(NpgsqlCommand cmd, CancellationToken ct)
    {
        var rows = new List<(StoredEvent Event, string Json, System.Text.Json.Nodes.JsonObject? Protected, Guid? Subject)>();
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
            {
                var alias = r.GetString(5);
                var json = r.GetString(6);
                System.Text.Json.Nodes.JsonObject? node = null;
                Guid? subject = null;
                if (Types.ProtectionFor(alias) is not null)
                {
                    node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
                    subject = Types.StoredSubject(alias, node);
                }
                rows.Add((ReadEnvelope(r, alias), json, node, subject));
            }

        var subjects = rows.Where(x => x.Subject is not null).Select(x => x.Subject!.Value).ToList();
        var keys = subjects.Count == 0 ? null : await Keys.GetAsync(subjects, null, ct);
        var list = new List<StoredEvent>(rows.Count);
        foreach (var (envelope, json, node, subject) in rows)
        {
            var (alias, data) = node is not null && subject is { } id
                ? Types.DeserializeProtected(envelope.Alias, node, keys![id])
                : Types.Deserialize(envelope.Alias, json);
            list.Add(envelope with { Alias = alias, Data = data });
        }
        return list;
    }

    private static StoredEvent ReadEnvelope(NpgsqlDataReader r, string alias) => new(
        Position: r.GetInt64(0),
        TransactionId: ulong.Parse(r.GetString(1), System.Globalization.CultureInfo.InvariantCulture),
        EventId: r.GetGuid(2),
        StreamId: r.GetString(3),
        Version: r.GetInt64(4),
        Alias: alias,
        Data: alias,
        Timestamp: r.GetFieldValue<DateTimeOffset>(7),
        Tenant: r.GetString(8),
        CorrelationId: r.IsDBNull(9) ? null : r.GetGuid(9),
        CausationId: r.IsDBNull(10) ? null : r.GetGuid(10),
        Actor: r.IsDBNull(11) ? null : r.GetString(11),
        Headers: r.IsDBNull(12)
            ? EmptyHeaders
            : JsonSerializer.Deserialize<Dictionary<string, string>>(r.GetString(12)) ?? EmptyHeaders);

    private static readonly IReadOnlyDictionary<string, string> EmptyHeaders = new Dictionary<string, string>();
}
