using JasperFx.Events;
using JasperFx.Events.Daemon;
using Npgsql;
using SecondChance.Integrity.Events;
using SecondChance.Projections.ReadModels;
using SqlProjection = SecondChance.Projections.ReadModels.IProjection;

namespace SecondChance.Projections.OnMarten;

/// <summary>
/// Applies a batch inside a savepoint. When it fails for a reason other than the connection, each event is tried on
/// its own (each in a savepoint) to name the first one that fails; that event comes back as Marten's
/// <see cref="ApplyEventException"/>, so Marten's pause reports it too. The transaction stays usable until the
/// caller throws.
/// </summary>
internal static class PoisonSearch
{
    public static async Task ApplyAsync(SqlProjection projection, ProjectionContext context, IReadOnlyList<StoredEvent> stored,
        IReadOnlyList<IEvent> events, CancellationToken ct)
    {
        await ExecAsync(context, "savepoint sc_batch", ct);
        Exception first;
        try
        {
            await projection.ApplyAsync(context, stored, ct);
            await ExecAsync(context, "release savepoint sc_batch", ct);
            return;
        }
        catch (Exception e) when (IsAboutTheEvents(e, ct))
        {
            first = e;
        }
        await ExecAsync(context, "rollback to savepoint sc_batch", ct);
        for (var i = 0; i < stored.Count; i++)
        {
            await ExecAsync(context, "savepoint sc_event", ct);
            try
            {
                await projection.ApplyAsync(context, [stored[i]], ct);
                await ExecAsync(context, "release savepoint sc_event", ct);
            }
            catch (Exception e) when (IsAboutTheEvents(e, ct))
            {
                throw new ReadModelApplyException(projection.Name, stored[i], events[i], e);
            }
        }
        // every event applies on its own but not together: name the batch's first event, keep the batch's error
        throw new ReadModelApplyException(projection.Name, stored[0], events[0], first);
    }

    /// <summary>Not a lost connection or a cancelled batch: those say nothing about an event and are not searched.</summary>
    private static bool IsAboutTheEvents(Exception e, CancellationToken ct) =>
        !ct.IsCancellationRequested && e is not OperationCanceledException && e is not NpgsqlException { IsTransient: true }
        && e is not NpgsqlException { InnerException: IOException or System.Net.Sockets.SocketException };

    private static async Task ExecAsync(ProjectionContext context, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, context.Connection, context.Transaction);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>A read model could not apply this event; Marten pauses the read model's shard on it.</summary>
public sealed class ReadModelApplyException(string projection, StoredEvent stored, IEvent @event, Exception inner)
    : ApplyEventException(@event, inner)
{
    public string Projection { get; } = projection;
    public StoredEvent Stored { get; } = stored;

    public override string Message =>
        $"Read model '{Projection}' could not apply event {Stored.Position} ({Stored.Alias}) of stream {Stored.StreamId}: " +
        $"{InnerException!.GetType().Name}: {InnerException.Message}";
}
