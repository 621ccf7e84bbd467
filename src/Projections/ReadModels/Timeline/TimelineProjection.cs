using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using SecondChance.Integrity.Events;
using SecondChance.Integrity.Schema;

namespace SecondChance.Projections.ReadModels.Timeline;

/// <summary>
/// Inmate journey timeline: one row per inmate per event that concerns them, written by binary COPY, naming programmes,
/// wards, mentors, items and recorders from the names table the projection keeps.
/// </summary>
public sealed class TimelineProjection : IProjection
{
    public string Name => "timeline";
    public int Version => 4; // 2: names of programmes, wards, facilities, mentors, items and recorders instead of ids; summary parts
                             // 3: certificate revocations and the holder's consent to be named on verification
                             // 4: ventures on each founder's timeline

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
        new(2, "names instead of ids: who recorded each line, the parts of its summary, and the names table", """
            alter table {schema}.timeline add column recorded_by text, add column summary_parts jsonb not null default '{}';
            create table {schema}.names (id uuid primary key, name text not null);
            """),
        new(3, "the founders of each venture, for the venture's later lines", """
            create table {schema}.venture_founders (venture_id uuid not null, inmate_id uuid not null, primary key (venture_id, inmate_id));
            """),
    ];

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<StoredEvent> events, CancellationToken ct)
    {
        var names = new TimelineNames();
        var referenced = TimelineNames.Referenced(events).ToArray();
        if (referenced.Length > 0)
            await context.ReadAsync("select id, name from {schema}.names where id = any($1)", r => names.Add(r.GetGuid(0), r.GetString(1)), ct, referenced);
        var founders = await VentureFoundersAsync(context, events, ct);
        var rows = new List<(StoredEvent Event, TimelineLine Line, string? RecordedBy)>();
        foreach (var e in events)
        {
            names.Learn(e.Data);
            foreach (var line in TimelineEvents.Describe(e.Data, names).Concat(VentureTimeline.Describe(e.Data, names, founders)))
                rows.Add((e, line, names.RecordedBy(e.Actor)));
        }
        if (names.Learnt.Count > 0)
            await context.ExecAsync("""
                insert into {schema}.names (id, name) select * from unnest($1::uuid[], $2::text[])
                on conflict (id) do update set name = excluded.name
                """, ct, names.Learnt.Keys.ToArray(), names.Learnt.Values.ToArray());
        if (rows.Count == 0) return;

        await using var copy = await context.Connection.BeginBinaryImportAsync(
            $"copy {context.Schema}.timeline (inmate_id, position, stream_id, stream_version, event_type, summary, occurred_at, recorded_at, actor, recorded_by, summary_parts) from stdin (format binary)", ct);
        foreach (var (e, line, recordedBy) in rows)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(line.Inmate, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(e.Position, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(e.StreamId, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(e.Version, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(e.Alias, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(line.Summary, NpgsqlDbType.Text, ct);
            await copy.WriteAsync((line.At ?? e.Timestamp).ToUniversalTime(), NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync(e.Timestamp.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct);
            await WriteNullableAsync(copy, e.Actor, ct);
            await WriteNullableAsync(copy, recordedBy, ct);
            await copy.WriteAsync(JsonSerializer.Serialize(line.Parts), NpgsqlDbType.Jsonb, ct);
        }
        await copy.CompleteAsync(ct);
    }

    /// <summary>The founders of every venture the batch speaks of: those proposed in it (stored here) and those read back.</summary>
    private static async Task<Dictionary<Guid, IReadOnlyList<Guid>>> VentureFoundersAsync(ProjectionContext context, IReadOnlyList<StoredEvent> events, CancellationToken ct)
    {
        var founders = new Dictionary<Guid, List<Guid>>();
        var wanted = events.Select(e => VentureTimeline.VentureOf(e.Data)).OfType<Guid>().Distinct().ToArray();
        if (wanted.Length > 0)
            await context.ReadAsync("select venture_id, inmate_id from {schema}.venture_founders where venture_id = any($1) order by venture_id, inmate_id",
                r => Add(r.GetGuid(0), r.GetGuid(1)), ct, wanted);
        var proposed = events.Select(e => e.Data).OfType<Domain.Ventures.VentureProposed>().ToList();
        foreach (var p in proposed)
            foreach (var f in p.Founders) Add(p.VentureId, f.InmateId);
        if (proposed.Count > 0)
        {
            var pairs = proposed.SelectMany(p => p.Founders.Select(f => (p.VentureId, f.InmateId))).ToList();
            await context.ExecAsync("""
                insert into {schema}.venture_founders (venture_id, inmate_id) select * from unnest($1::uuid[], $2::uuid[]) on conflict do nothing
                """, ct, pairs.Select(p => p.VentureId).ToArray(), pairs.Select(p => p.InmateId).ToArray());
        }
        return founders.ToDictionary(f => f.Key, f => (IReadOnlyList<Guid>)f.Value);

        void Add(Guid venture, Guid inmate)
        {
            if (!founders.TryGetValue(venture, out var list)) founders[venture] = list = [];
            if (!list.Contains(inmate)) list.Add(inmate);
        }
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value, CancellationToken ct)
    {
        if (value is null) await copy.WriteNullAsync(ct);
        else await copy.WriteAsync(value, NpgsqlDbType.Text, ct);
    }
}
