using JasperFx.Events;
using Marten;
using Npgsql;
using SecondChance.Integrity.Events;
using SecondChance.Projections.ReadModels;
using MartenProjection = Marten.Events.Projections.IProjection;
using SqlProjection = SecondChance.Projections.ReadModels.IProjection;

namespace SecondChance.Projections.OnMarten;

/// <summary>
/// The projection Marten's rebuild runs: every read model being rebuilt, each into its shadow schema, in one shard so
/// the log is read and deserialised once for all of them. Within Marten's batch the read models apply in parallel,
/// each on a connection of its own, so their work overlaps as it did on the old engine. Each shadow records up to
/// where it has applied (<c>sc_read_model_rebuilds</c>) in its own transaction and applies only events past that, so a
/// batch Marten runs again after a failed commit is not applied twice. The shadow batches commit without waiting for
/// the disk: a crash only means the rebuild starts again from empty shadows.
/// </summary>
internal sealed class ShadowRebuild(IReadOnlyList<SqlProjection> projections, ReadModelState state, MartenReadModelOptions options) : MartenProjection
{
    public const string Name = "sc_rebuild";

    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        if (events.Count == 0) return Task.CompletedTask;
        ((ITransactionParticipantRegistrar)operations).AddTransactionParticipant(new Batch(projections, state, options, events));
        return Task.CompletedTask;
    }

    private sealed class Batch(IReadOnlyList<SqlProjection> projections, ReadModelState state, MartenReadModelOptions options,
        IReadOnlyList<IEvent> events) : ITransactionParticipant
    {
        public async Task BeforeCommitAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken token)
        {
            // Marten's own commit (the shadow shard's progression) need not wait for the disk either
            await using (var sync = new NpgsqlCommand("set local synchronous_commit = off", connection, transaction))
                await sync.ExecuteNonQueryAsync(token);
            var stored = StoredEvents.From(events);
            await Task.WhenAll(projections.Select(p => ApplyToShadowAsync(p, stored, token)));
        }

        private async Task ApplyToShadowAsync(SqlProjection p, IReadOnlyList<StoredEvent> stored, CancellationToken ct)
        {
            await using var conn = await state.DataSource.OpenConnectionAsync(ct);
            await using var tx = await conn.BeginTransactionAsync(ct);
            await using (var sync = new NpgsqlCommand("set local synchronous_commit = off", conn, tx)) await sync.ExecuteNonQueryAsync(ct);
            var applied = await state.LockRebuildPositionAsync(conn, tx, p.Name, ct);
            var from = 0;
            while (from < stored.Count && stored[from].Position <= applied) from++;
            if (from == stored.Count) return;
            var (todo, originals) = from == 0 ? (stored, events) : (stored.Skip(from).ToList(), events.Skip(from).ToList());
            await PoisonSearch.ApplyAsync(p, new ProjectionContext(conn, tx, options.ShadowSchema(p.Name)), todo, originals, ct);
            await state.SetRebuildPositionAsync(conn, tx, p.Name, todo[^1].Position, ct);
            await tx.CommitAsync(ct);
        }
    }
}
