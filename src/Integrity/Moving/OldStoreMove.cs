using System.Text.Json;
using JasperFx.Events;
using Marten;
using Marten.Events;
using Microsoft.Extensions.Logging;
using Npgsql;
using SecondChance.Domain;
using SecondChance.Integrity.HashChain;
using SecondChance.Integrity.Privacy;

namespace SecondChance.Integrity.Moving;

/// <summary>What the move did for one tenant: its streams and events, or that they were in Marten already.</summary>
public sealed record TenantMoved(string TenantId, long Streams, long Events, bool WasMovedBefore);

public sealed record MoveReport(IReadOnlyList<TenantMoved> Tenants)
{
    public long StreamsMoved => Tenants.Where(t => !t.WasMovedBefore).Sum(t => t.Streams);
    public long EventsMoved => Tenants.Where(t => !t.WasMovedBefore).Sum(t => t.Events);
    public long EventsMovedBefore => Tenants.Where(t => t.WasMovedBefore).Sum(t => t.Events);
}

/// <summary>The move cannot run on this database as it is; nothing was written.</summary>
public sealed class MoveRefusedException(string message) : InvalidOperationException(message);

/// <summary>
/// Moves the history the old store wrote (<c>sc.events</c>, <c>sc.stream_registry</c>) into Marten's event store in
/// the same database, through Marten's streaming bulk import with <see cref="BulkEventSequenceMode.PreserveSourceSequence"/>:
/// every event keeps its stream, version, id, position (<c>seq_id</c>), type alias, data, timestamp, tenant,
/// correlation and causation ids, actor (as <c>user_name</c>) and headers; every stream its aggregate type, version
/// and archived flag.
/// <para>Each event's old chain link travels beside it (<see cref="HashChainSchema.CarriedLinksTable"/>) with its
/// format and the transaction that first appended it. The hash trigger recomputes the link from the row Marten wrote
/// and refuses the whole move if it differs, so the move proves byte for byte that nothing changed on the way, and
/// the links keep the old log's (transaction, position) order: a checkpoint the old store gave an auditor proves
/// against Marten's tables, and Marten's next append to a stream chains onto its old head.</para>
/// <para>One transaction per tenant (Marten's). The old tables are locked against writes while it runs. Run twice, it
/// finds every tenant moved and writes nothing; a tenant half in Marten (the old store was written to after the
/// move) or a Marten store that already holds other history at these positions is refused.</para>
/// </summary>
public sealed class OldStoreMove(string connectionString, string oldSchema = "sc", ILogger? logger = null)
{
    private readonly string _old = oldSchema;
    private const string New = MartenSetup.Schema;

    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public async Task<MoveReport> RunAsync(int batchSize = 1000, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var moving = new NpgsqlConnectionStringBuilder(connectionString);
        moving.Options = $"{moving.Options} -c {HashChainSchema.MovingSetting}=on".Trim();
        await using var store = DocumentStore.For(o =>
        {
            o.Connection(moving.ConnectionString);
            o.ConfigureSecondChanceEvents(logger);
        });
        await using var db = NpgsqlDataSource.Create(connectionString);

        if (!await Scalar<bool>(db, $"""
                select to_regclass('{_old}.stream_registry') is not null and exists (select 1 from information_schema.columns
                 where table_schema = '{_old}' and table_name = 'events' and column_name = 'hash_format')
                """, ct))
            throw new MoveRefusedException($"Schema '{_old}' holds no old event store at its last migration (events with hash formats, " +
                                           "stream_registry): run the old store's migrations first.");
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

        // held to the end: the old store cannot append while its history moves
        await using var guard = await db.OpenConnectionAsync(ct);
        await using var lockTx = await guard.BeginTransactionAsync(ct);
        try
        {
            await Execute(guard, $"set local lock_timeout = {(long)LockTimeout.TotalMilliseconds}", ct);
            await Execute(guard, $"lock table {_old}.events, {_old}.stream_registry in share mode", ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            throw new MoveRefusedException("The old store is being written to: stop every node before the move.");
        }

        var tenants = new List<(string Id, long Events)>();
        await using (var cmd = db.CreateCommand($"select tenant_id, count(*) from {_old}.events group by tenant_id order by tenant_id"))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) tenants.Add((r.GetString(0), r.GetInt64(1)));

        // personal data moves encrypted, so its keys (and erasures) move with it; a key already in Marten's table wins
        if (await Scalar<bool>(db, $"select to_regclass('{_old}.subject_keys') is not null", ct))
            await Execute(db, $"""
                insert into {New}.{SubjectKeysSchema.Table} (subject_id, key, created_at, erased_at, erased_by, erasure_reason)
                select subject_id, key, created_at, erased_at, erased_by, erasure_reason from {_old}.subject_keys
                on conflict (subject_id) do nothing
                """, ct);

        var report = new List<TenantMoved>();
        long done = 0;
        try
        {
            foreach (var (tenant, events) in tenants)
            {
                report.Add(await MoveTenantAsync(store, db, tenant, events, batchSize, n => progress?.Report(done + n), ct));
                done += events;
            }
        }
        finally
        {
            await Execute(db, $"truncate {New}.{HashChainSchema.CarriedLinksTable}", ct);
        }
        return new MoveReport(report);
    }

    private async Task<TenantMoved> MoveTenantAsync(DocumentStore store, NpgsqlDataSource db, string tenant, long events, int batchSize,
        Action<long> progress, CancellationToken ct)
    {
        var inMarten = await Scalar<long>(db, $"""
            select count(*) from {_old}.events o join {New}.mt_events m on m.seq_id = o.seq_id and m.id = o.id where o.tenant_id = $1
            """, ct, tenant);
        var streams = await StreamHeadersAsync(db, tenant, ct);
        if (inMarten == events) return new TenantMoved(tenant, streams.Count, events, WasMovedBefore: true);
        if (inMarten > 0)
            throw new MoveRefusedException($"{inMarten} of tenant '{tenant}''s {events} old events are in Marten already: the old store " +
                                           "was written to after its history moved. Marten's bulk import only starts streams, so these cannot follow.");
        var taken = await Scalar<long>(db, $"""
            select (select count(*) from {_old}.events o join {New}.mt_events m on m.seq_id = o.seq_id where o.tenant_id = $1)
                 + (select count(*) from {New}.mt_streams s where s.id in (select stream_id from {_old}.events where tenant_id = $1))
            """, ct, tenant);
        if (taken > 0)
            throw new MoveRefusedException($"Marten's event store already holds other events at the old positions or streams with the old " +
                                           $"ids ({taken} of them) for tenant '{tenant}': the move writes into an empty event store.");

        await Execute(db, $"""
            insert into {New}.{HashChainSchema.CarriedLinksTable} (seq_id, hash, hash_format, transaction_id)
            select seq_id, hash, hash_format, transaction_id from {_old}.events where tenant_id = $1
            on conflict (seq_id) do update set hash = excluded.hash, hash_format = excluded.hash_format, transaction_id = excluded.transaction_id
            """, ct, tenant);
        await store.BulkInsertEventStreamAsync(tenant, streams, ReadAsync(store, db, tenant, batchSize, progress, ct),
            BulkEventSequenceMode.PreserveSourceSequence, batchSize, ct);
        return new TenantMoved(tenant, streams.Count, events, WasMovedBefore: false);
    }

    private async Task<List<BulkEventStreamHeader>> StreamHeadersAsync(NpgsqlDataSource db, string tenant, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"""
            select e.stream_id, max(e.version), r.type, coalesce(bool_or(r.is_archived), false)
              from {_old}.events e left join {_old}.stream_registry r on r.id = e.stream_id
             where e.tenant_id = $1 group by e.stream_id, r.type order by e.stream_id
            """);
        cmd.Parameters.Add(new() { Value = tenant });
        var headers = new List<BulkEventStreamHeader>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            headers.Add(new BulkEventStreamHeader
            {
                Key = r.GetString(0), Version = r.GetInt64(1), AggregateTypeName = r.IsDBNull(2) ? null : r.GetString(2), IsArchived = r.GetBoolean(3),
            });
        return headers;
    }

    /// <summary>
    /// The tenant's events by position: the order Marten's import requires, and the one in which each stream's versions
    /// ascend (a position is drawn when the row is written, after its predecessor is stored). The log's own order,
    /// (transaction, position), travels in the carried links.
    /// </summary>
    private async IAsyncEnumerable<IEvent> ReadAsync(DocumentStore store, NpgsqlDataSource db, string tenant, int batchSize,
        Action<long> progress, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var dotNetTypes = DomainEventTypes.All.ToDictionary(t => t.Alias, t => store.Events.EventMappingFor(t.Type).DotNetTypeName);
        await using var cmd = db.CreateCommand($"""
            select seq_id, id, stream_id, version, type, data::text, timestamp, correlation_id::text, causation_id::text, actor,
                   headers::text, is_archived
              from {_old}.events where tenant_id = $1 order by seq_id
            """);
        cmd.Parameters.Add(new() { Value = tenant });
        cmd.CommandTimeout = 0;
        await using var r = await cmd.ExecuteReaderAsync(ct);
        long count = 0;
        while (await r.ReadAsync(ct))
        {
            var alias = r.GetString(4);
            // the stored JSON as it is, never through the domain types: personal data stays encrypted, nothing is reformatted
            yield return new Event<StoredJson>(new StoredJson(r.GetString(5)))
            {
                Sequence = r.GetInt64(0),
                Id = r.GetGuid(1),
                StreamKey = r.GetString(2),
                Version = r.GetInt64(3),
                EventTypeName = alias,
                DotNetTypeName = dotNetTypes.GetValueOrDefault(alias) ?? "", // an alias no type maps (upcast) gets none
                Timestamp = r.GetFieldValue<DateTimeOffset>(6),
                TenantId = tenant,
                CorrelationId = r.IsDBNull(7) ? null : r.GetString(7),
                CausationId = r.IsDBNull(8) ? null : r.GetString(8),
                UserName = r.IsDBNull(9) ? null : r.GetString(9),
                Headers = r.IsDBNull(10) ? null : JsonSerializer.Deserialize<Dictionary<string, StoredJson>>(r.GetString(10))!
                    .ToDictionary(h => h.Key, object (h) => h.Value),
                IsArchived = r.GetBoolean(11),
            };
            if (++count % batchSize == 0) progress(count);
        }
        progress(count);
    }

    private static async Task<T> Scalar<T>(NpgsqlDataSource db, string sql, CancellationToken ct, params object[] parameters)
    {
        await using var cmd = db.CreateCommand(sql);
        foreach (var p in parameters) cmd.Parameters.Add(new() { Value = p });
        return (T)(await cmd.ExecuteScalarAsync(ct))!;
    }

    private static async Task Execute(NpgsqlDataSource db, string sql, CancellationToken ct, params object[] parameters)
    {
        await using var cmd = db.CreateCommand(sql);
        foreach (var p in parameters) cmd.Parameters.Add(new() { Value = p });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task Execute(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
