using Npgsql;
using SecondChance.EventStore;

namespace SecondChance.Projections.Engine;

/// <summary>
/// Applies a projection in the append's own transaction so writers read their own writes. The shared advisory lock
/// lets a rebuild's swap hold appends back for the moment it renames the schemas; appends never block each other.
/// </summary>
public sealed class InlineProjection(IProjection projection, string storeSchema) : IInlineProjection
{
    private readonly string _schema = ProjectionStore.LiveSchema(storeSchema, projection);
    private readonly string _lockName = ProjectionStore.LockName(storeSchema, projection);

    public IProjection Projection => projection;

    public async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<StoredEvent> events, CancellationToken ct)
    {
        if (events.Count == 0) return;
        await using (var cmd = new NpgsqlCommand($"select pg_advisory_xact_lock_shared({ProjectionStore.InlineLock}, hashtext($1))", connection, transaction))
        {
            cmd.Parameters.Add(new() { Value = _lockName });
            await cmd.ExecuteNonQueryAsync(ct);
        }
        var ordered = events.OrderBy(e => e.Position).ToList();
        await projection.ApplyAsync(new ProjectionContext(connection, transaction, _schema), ordered, ct);
    }
}
