using JasperFx.Events;
using Marten;
using Npgsql;
using SecondChance.Projections.ReadModels;
using MartenProjection = Marten.Events.Projections.IProjection;
using SqlProjection = SecondChance.Projections.ReadModels.IProjection;

namespace SecondChance.Projections.OnMarten;

/// <summary>
/// One SQL read model as a Marten async projection. Marten hands it a page of events inside the daemon's batch;
/// nothing is written then. The SQL work runs as a transaction participant: after Marten has queued the page's
/// progress update (<c>update mt_event_progression … where last_seq_id = floor</c>) and before it commits, on the
/// same connection and transaction. So the tables and the progress move together: a crash loses both, a second
/// process that read the same page fails on the progress update before writing anything.
/// </summary>
internal sealed class LiveReadModel(SqlProjection projection, ReadModelState state, MartenReadModelOptions options) : MartenProjection
{
    public string Name => projection.Name;

    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        if (events.Count == 0) return Task.CompletedTask;
        if (operations is not ITransactionParticipantRegistrar registrar)
            throw new InvalidOperationException($"Read model '{projection.Name}' runs only on Marten's async daemon.");
        if (events[0].Sequence == 0)
            throw new InvalidOperationException($"Read model '{projection.Name}' needs event sequences: register it as an async projection.");
        var tenant = SecondChance.Integrity.Tenancy.ProvinceTenancy.TenantOf(operations.Database);
        registrar.AddTransactionParticipant(new Batch(projection, state, options.LiveSchema(projection.Name), events, tenant));
        return Task.CompletedTask;
    }

    private sealed class Batch(SqlProjection p, ReadModelState state, string schema, IReadOnlyList<IEvent> events, string tenant) : ITransactionParticipant
    {
        public async Task BeforeCommitAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken token)
        {
            var stored = StoredEvents.From(events);
            try
            {
                var (version, appliedThrough) = await state.RecordBatchAsync(connection, transaction, p.Name, stored.Count, stored[^1].Timestamp, token)
                    ?? throw new InvalidOperationException($"Read model '{p.Name}' is not set up: call MartenReadModels.EnsureAsync first.");
                if (version != p.Version) throw new StaleReadModelException(p.Name, version, p.Version);
                // a rebuilt copy swapped in ahead of this shard already holds the events up to appliedThrough
                var from = 0;
                while (from < stored.Count && stored[from].Position <= appliedThrough) from++;
                if (from == stored.Count) return;
                var (todo, originals) = from == 0 ? (stored, events) : (stored.Skip(from).ToList(), events.Skip(from).ToList());
                await PoisonSearch.ApplyAsync(p, new ProjectionContext(connection, transaction, schema), todo, originals, token);
            }
            catch (ReadModelApplyException e)
            {
                await RecordAsync(state, tenant, p.Name, e.Stored, e.InnerException!);
                throw;
            }
            catch (StaleReadModelException e)
            {
                await RecordAsync(state, tenant, p.Name, stored[0], e);
                throw;
            }
        }

        // the failure is what /admin/projections shows; not being able to record it must not hide it from Marten
        private static async Task RecordAsync(ReadModelState state, string tenant, string name, Integrity.Events.StoredEvent at, Exception error)
        {
            // in the database whose events failed, where /admin/projections of that tenant reads it
            using var _ = Integrity.Tenancy.TenantScope.Enter(tenant);
            try { await state.RecordFailureAsync(name, at, error, CancellationToken.None); }
            catch (NpgsqlException) { }
        }
    }
}

/// <summary>The read model's tables were built by another version of its code (or by the old engine): it waits for a rebuild.</summary>
public sealed class StaleReadModelException(string projection, int stored, int code) : InvalidOperationException(
    $"Read model '{projection}' holds tables built by version {stored} and this code is version {code}; it is paused until a rebuild swaps in a copy built by this code.");
