using Npgsql;
using NpgsqlTypes;
using SecondChance.EventStore;
using SecondChance.EventStore.Schema;
using SecondChance.Projections.Engine;

namespace SecondChance.Projections.ReadModels.Timeline;

/// <summary>Inmate journey timeline: one row per inmate per event that concerns them, written by binary COPY.</summary>
public sealed class TimelineProjection : IProjection
{
    public string Name => "timeline";
    public int Version => 1;

    public IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "inmate journey timeline", """
            create table {schema}.timeline (
                inmate_id      uuid        not null,
                position       bigint      not null,
                stream_id      text        not null,
                stream_version bigint      not null,
                event_type     text        not null,
                summary        text        not null,
                occurred_at    timestamptz not null,
                recorded_at    timestamptz not null,
                actor          text,
                primary key (inmate_id, position)
            );
            """),
    ];

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<StoredEvent> events, CancellationToken ct)
    {
        NpgsqlBinaryImporter? copy = null;
        try
        {
            foreach (var e in events)
            foreach (var (inmate, at, summary) in TimelineEvents.Describe(e.Data))
            {
                copy ??= await context.Connection.BeginBinaryImportAsync(
                    $"copy {context.Schema}.timeline (inmate_id, position, stream_id, stream_version, event_type, summary, occurred_at, recorded_at, actor) from stdin (format binary)", ct);
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(inmate, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(e.Position, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(e.StreamId, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(e.Version, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(e.Alias, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(summary, NpgsqlDbType.Text, ct);
                await copy.WriteAsync((at ?? e.Timestamp).ToUniversalTime(), NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(e.Timestamp.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct);
                if (e.Actor is null) await copy.WriteNullAsync(ct);
                else await copy.WriteAsync(e.Actor, NpgsqlDbType.Text, ct);
            }
            if (copy is not null) await copy.CompleteAsync(ct);
        }
        finally
        {
            if (copy is not null) await copy.DisposeAsync();
        }
    }
}
