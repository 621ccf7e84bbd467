using JasperFx.Events;
using Marten;
using Npgsql;
using SecondChance.Projections.Engine;
using MartenProjection = Marten.Events.Projections.IProjection;
using SqlProjection = SecondChance.Projections.Engine.IProjection;

namespace SecondChance.Projections.OnMarten;

/// <summary>
/// The projection Marten's rebuild runs: every read model being rebuilt, each into its shadow schema, in one shard so
/// the log is read and deserialised once for all of them. Its batches commit without waiting for the disk: a crash
/// only means the rebuild starts again from an empty shadow.
/// </summary>
internal sealed class ShadowRebuild(IReadOnlyList<SqlProjection> projections, MartenReadModelOptions options) : MartenProjection
{
    public const string Name = "sc_rebuild";

    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        if (events.Count == 0) return Task.CompletedTask;
        ((ITransactionParticipantRegistrar)operations).AddTransactionParticipant(new Batch(projections, options, events));
        return Task.CompletedTask;
    }

    private sealed class Batch(IReadOnlyList<SqlProjection> projections, MartenReadModelOptions options, IReadOnlyList<IEvent> events) : ITransactionParticipant
    {
        public async Task BeforeCommitAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken token)
        {
            await using (var sync = new NpgsqlCommand("set local synchronous_commit = off", connection, transaction))
                await sync.ExecuteNonQueryAsync(token);
            var stored = StoredEvents.From(events);
            foreach (var p in projections)
                await PoisonSearch.ApplyAsync(p, new ProjectionContext(connection, transaction, options.ShadowSchema(p.Name)), stored, events, token);
        }
    }
}
