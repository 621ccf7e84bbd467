using SecondChance.Integrity.Events;
using System.Globalization;
using Npgsql;
using SecondChance.EventStore;
using SecondChance.EventStore.Schema;

namespace SecondChance.Projections.Engine;

/// <summary>The projections table: checkpoints moved inside batch transactions, pauses, owners and status.</summary>
public sealed class ProjectionStore(MartenEventLog store)
{
    // advisory lock namespaces (first key); the second key is hashtext of the qualified projection name
    internal const int RunLock = 7301, RebuildLock = 7302, InlineLock = 7303;

    public MartenEventLog EventStore => store;
    public NpgsqlDataSource DataSource => store.DataSource;
    public string LiveSchema(IProjection p) => LiveSchema(store.Schema, p);
    public string LockName(IProjection p) => LockName(store.Schema, p);
    public static string LiveSchema(string storeSchema, IProjection p) => $"{storeSchema}_{p.Name}";
    public static string LockName(string storeSchema, IProjection p) => $"{storeSchema}.{p.Name}";

    /// <summary>Creates the state table and each projection's tables and row; safe to run from several processes.</summary>
    public async Task EnsureAsync(IEnumerable<IProjection> projections, CancellationToken ct = default)
    {
        await SchemaMigrator.MigrateAsync(DataSource, store.Schema, [(ProjectionStateMigrations.Module, ProjectionStateMigrations.All)], ct);
        foreach (var p in projections)
        {
            await SchemaMigrator.MigrateAsync(DataSource, LiveSchema(p), [(p.Name, p.Migrations)], ct);
            await using var cmd = DataSource.CreateCommand(
                $"insert into {store.Schema}.projections (name, version) values ($1, $2) on conflict (name) do nothing");
            cmd.Parameters.Add(new() { Value = p.Name });
            cmd.Parameters.Add(new() { Value = p.Version });
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>
    /// Records that these projections must be built again from the start (stored version 0). The runner that next
    /// takes one, at start or on takeover, rebuilds it, as for a new code version; a rebuild's swap sets the version
    /// back. So a rebuild that must happen (after an erasure) still happens if the process stops before it ends.
    /// </summary>
    public Task MarkForRebuildAsync(IEnumerable<string> names, CancellationToken ct = default) =>
        ExecAsync($"update {store.Schema}.projections set version = 0, updated_at = now() where name = any($1)", ct, (object)names.ToArray());

    public sealed record Row(GlobalCursor Checkpoint, int Version, string State);

    public async Task<Row> LoadAsync(string name, CancellationToken ct)
    {
        await using var cmd = DataSource.CreateCommand(
            $"select checkpoint_tx::text, checkpoint_seq, version, state from {store.Schema}.projections where name = $1");
        cmd.Parameters.Add(new() { Value = name });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) throw new InvalidOperationException($"Projection '{name}' is not set up; run EnsureAsync first.");
        return new Row(new GlobalCursor(ulong.Parse(r.GetString(0), CultureInfo.InvariantCulture), r.GetInt64(1)), r.GetInt32(2), r.GetString(3));
    }

    /// <summary>
    /// First statement of a batch transaction: moves the checkpoint only if it is still where this runner left it
    /// and the projection is running. The row lock it takes is held to commit, which orders batches and swaps.
    /// </summary>
    internal async Task<bool> AdvanceAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string name, GlobalCursor from,
        GlobalCursor to, int count, DateTimeOffset lastEventAt, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"""
            update {store.Schema}.projections
               set checkpoint_tx = $4::text::xid8, checkpoint_seq = $5, events_applied = events_applied + $6,
                   last_event_at = $7, updated_at = now()
             where name = $1 and checkpoint_tx = $2::text::xid8 and checkpoint_seq = $3 and state = 'running'
            """, conn, tx);
        cmd.Parameters.Add(new() { Value = name });
        cmd.Parameters.Add(new() { Value = from.TransactionId.ToString(CultureInfo.InvariantCulture) });
        cmd.Parameters.Add(new() { Value = from.Position });
        cmd.Parameters.Add(new() { Value = to.TransactionId.ToString(CultureInfo.InvariantCulture) });
        cmd.Parameters.Add(new() { Value = to.Position });
        cmd.Parameters.Add(new() { Value = (long)count });
        cmd.Parameters.Add(new() { Value = lastEventAt.ToUniversalTime() });
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    public Task PauseAsync(string name, StoredEvent failed, Exception error, CancellationToken ct) => ExecAsync($"""
        update {store.Schema}.projections
           set state = 'paused', failed_position = $2, failed_type = $3, failed_stream = $4, failed_error = $5,
               failed_at = now(), updated_at = now()
         where name = $1
        """, ct, name, failed.Position, failed.Alias, failed.StreamId, $"{error.GetType().Name}: {error.Message}");

    /// <summary>Lets a paused projection continue from its checkpoint, i.e. with the event that failed.</summary>
    public async Task<bool> ResumeAsync(string name, CancellationToken ct = default) => await ExecAsync($"""
        update {store.Schema}.projections
           set state = 'running', failed_position = null, failed_type = null, failed_stream = null, failed_error = null,
               failed_at = null, updated_at = now()
         where name = $1 and state = 'paused'
        """, ct, name) == 1;

    internal Task SetOwnerAsync(string name, string? owner, CancellationToken ct) =>
        ExecAsync($"update {store.Schema}.projections set owner = $2, updated_at = now() where name = $1", ct, name, owner);

    internal Task SetRebuildingAsync(string name, bool rebuilding, long? position, CancellationToken ct) =>
        ExecAsync($"update {store.Schema}.projections set rebuilding = $2, rebuild_position = $3, updated_at = now() where name = $1",
            ct, name, rebuilding, position);

    internal async Task<int> ExecAsync(string sql, CancellationToken ct, params object?[] args)
    {
        await using var cmd = DataSource.CreateCommand(sql);
        foreach (var a in args) cmd.Parameters.Add(new NpgsqlParameter { Value = a ?? DBNull.Value });
        return await cmd.ExecuteNonQueryAsync(ct);
    }
}
