using SecondChance.Integrity.Tenancy;
using Npgsql;
using SecondChance.Integrity.Events;
using SecondChance.Integrity.Schema;
using SqlProjection = SecondChance.Projections.ReadModels.IProjection;

namespace SecondChance.Projections.OnMarten;

/// <summary>
/// Our two tables beside Marten's progression: <c>sc_read_models</c> (the version each read model's tables were
/// built by, whether a rebuild was asked for or is running, events applied) and <c>sc_read_model_failures</c> (the
/// event a paused read model could not apply). Marten's <c>mt_event_progression</c> keeps the positions.
/// </summary>
internal sealed class ReadModelState(TenantDataSource dataSource, MartenReadModelOptions options)
{
    public string Models => $"{options.EventSchema}.sc_read_models";
    public string Failures => $"{options.EventSchema}.sc_read_model_failures";
    public string Progression => $"{options.EventSchema}.mt_event_progression";
    public string Rebuilds => $"{options.EventSchema}.sc_read_model_rebuilds";
    public TenantDataSource DataSource => dataSource;

    /// <summary>Marten's progression row of a live read model (a projection of version 1 has one shard, "All").</summary>
    public static string ShardOf(string name) => $"{name}:All";

    /// <summary>
    /// Creates the state tables and each read model's live schema. A read model seen for the first time is recorded at
    /// its code version, unless its schema already holds rows that Marten did not write (the old engine's): then at
    /// version 0, so it pauses until a rebuild replaces them.
    /// </summary>
    public async Task EnsureAsync(IEnumerable<SqlProjection> projections, CancellationToken ct)
    {
        await ExecAsync($"""
            select pg_advisory_xact_lock(hashtext('secondchance.read_models.{options.EventSchema}'));
            create schema if not exists {options.EventSchema};
            create table if not exists {Models} (
                name text primary key, version int not null, rebuild_requested boolean not null default false,
                rebuilding boolean not null default false, applied_through bigint not null default 0, events_applied bigint not null default 0,
                last_event_at timestamptz, updated_at timestamptz not null default now());
            create table if not exists {Failures} (
                name text primary key, position bigint not null, event_type text not null, stream_id text not null,
                error text not null, failed_at timestamptz not null default now());
            create table if not exists {Rebuilds} (name text primary key, position bigint not null);
            """, ct);
        foreach (var p in projections)
        {
            await SchemaMigrator.MigrateAsync(dataSource.Current, options.LiveSchema(p.Name), [(p.Name, p.Migrations)], ct);
            var fresh = !await HasProgressAsync(p.Name, ct) && !await HoldsRowsAsync(options.LiveSchema(p.Name), ct);
            await ExecAsync($"insert into {Models} (name, version) values ($1, $2) on conflict (name) do nothing", ct,
                p.Name, fresh ? p.Version : 0);
        }
    }

    private async Task<bool> HasProgressAsync(string name, CancellationToken ct)
    {
        // a table named in a statement must exist when it is parsed, so ask first whether Marten made it yet
        await using (var exists = dataSource.CreateCommand($"select to_regclass('{Progression}') is not null"))
            if (await exists.ExecuteScalarAsync(ct) is not true) return false;
        await using var cmd = dataSource.CreateCommand($"select exists (select 1 from {Progression} where name = $1)");
        cmd.Parameters.Add(new() { Value = ShardOf(name) });
        return await cmd.ExecuteScalarAsync(ct) is true;
    }

    private async Task<bool> HoldsRowsAsync(string schema, CancellationToken ct)
    {
        var tables = new List<string>();
        await using (var cmd = dataSource.CreateCommand("select tablename from pg_tables where schemaname = $1 and tablename <> 'schema_migrations'"))
        {
            cmd.Parameters.Add(new() { Value = schema });
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) tables.Add(r.GetString(0));
        }
        if (tables.Count == 0) return false;
        await using var any = dataSource.CreateCommand(
            "select " + string.Join(" or ", tables.Select(t => $"exists (select 1 from {schema}.\"{t}\")")));
        return await any.ExecuteScalarAsync(ct) is true;
    }

    /// <summary>
    /// First statement of a live batch's own work, in Marten's transaction: clears a recorded failure, counts the
    /// events and returns the version the tables were built by and the position a swapped-in copy already holds
    /// (null: not set up).
    /// </summary>
    public async Task<(int Version, long AppliedThrough)?> RecordBatchAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string name, int count,
        DateTimeOffset lastEventAt, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"""
            with cleared as (delete from {Failures} where name = $1)
            update {Models} set events_applied = events_applied + $2, last_event_at = $3, updated_at = now()
             where name = $1 returning version, applied_through
            """, conn, tx);
        cmd.Parameters.Add(new() { Value = name });
        cmd.Parameters.Add(new() { Value = (long)count });
        cmd.Parameters.Add(new() { Value = lastEventAt.ToUniversalTime() });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? (r.GetInt32(0), r.GetInt64(1)) : null;
    }

    /// <summary>Written on a connection of its own: the batch's transaction is about to roll back.</summary>
    public Task RecordFailureAsync(string name, StoredEvent failed, Exception error, CancellationToken ct) => ExecAsync($"""
        insert into {Failures} (name, position, event_type, stream_id, error, failed_at) values ($1, $2, $3, $4, $5, now())
        on conflict (name) do update set position = excluded.position, event_type = excluded.event_type,
            stream_id = excluded.stream_id, error = excluded.error, failed_at = excluded.failed_at
        """, ct, name, failed.Position, failed.Alias, failed.StreamId, $"{error.GetType().Name}: {error.Message}");

    /// <summary>Asks for a rebuild without stopping the live model (after an erasure); <see cref="MartenReadModelRebuilder.RebuildStaleAsync"/> does it.</summary>
    public Task MarkForRebuildAsync(IEnumerable<string> names, CancellationToken ct) =>
        ExecAsync($"update {Models} set rebuild_requested = true, updated_at = now() where name = any($1)", ct, (object)names.ToArray());

    /// <summary>Read models built by another code version than this one's, or asked to be rebuilt.</summary>
    public async Task<IReadOnlyList<string>> StaleAsync(IEnumerable<SqlProjection> projections, CancellationToken ct)
    {
        var code = projections.ToDictionary(p => p.Name, p => p.Version);
        var stale = new List<string>();
        await using var cmd = dataSource.CreateCommand($"select name, version, rebuild_requested from {Models} where name = any($1)");
        cmd.Parameters.Add(new() { Value = code.Keys.ToArray() });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            if (r.GetInt32(1) != code[r.GetString(0)] || r.GetBoolean(2)) stale.Add(r.GetString(0));
        return stale;
    }

    /// <summary>Where each shadow copy has been applied up to; a rebuild starts them at 0.</summary>
    public Task ResetRebuildPositionsAsync(IReadOnlyList<string> names, CancellationToken ct) => ExecAsync($"""
        insert into {Rebuilds} (name, position) select unnest($1::text[]), 0
        on conflict (name) do update set position = 0
        """, ct, (object)names.ToArray());

    public async Task<long> LockRebuildPositionAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string name, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"select position from {Rebuilds} where name = $1 for update", conn, tx);
        cmd.Parameters.Add(new() { Value = name });
        return await cmd.ExecuteScalarAsync(ct) as long? ?? throw new InvalidOperationException($"No rebuild of '{name}' was started.");
    }

    public async Task SetRebuildPositionAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string name, long position, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"update {Rebuilds} set position = $2 where name = $1", conn, tx);
        cmd.Parameters.Add(new() { Value = name });
        cmd.Parameters.Add(new() { Value = position });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public Task SetRebuildingAsync(IEnumerable<string> names, bool rebuilding, CancellationToken ct) =>
        ExecAsync($"update {Models} set rebuilding = $2, updated_at = now() where name = any($1)", ct, names.ToArray(), rebuilding);

    public async Task<int> ExecAsync(string sql, CancellationToken ct, params object?[] args)
    {
        await using var cmd = dataSource.CreateCommand(sql);
        foreach (var a in args) cmd.Parameters.Add(new NpgsqlParameter { Value = a ?? DBNull.Value });
        return await cmd.ExecuteNonQueryAsync(ct);
    }
}
