using SecondChance.Integrity.Events;
using SecondChance.Integrity.Schema;
using SecondChance.Projections.ReadModels;

namespace SecondChance.Projections.Tests;

/// <summary>Records each applied event's position without a key, so an event applied twice shows as a duplicate row.</summary>
public sealed class CountingProjection(string name) : IProjection
{
    public string Name => name;
    public int Version => 1;

    /// <summary>Throws for the events it matches, as buggy projection code would.</summary>
    public Func<StoredEvent, bool>? Poison { get; set; }

    /// <summary>Runs after the batch's rows are written and before Marten's batch commits.</summary>
    public Func<IReadOnlyList<StoredEvent>, CancellationToken, Task>? AfterWrite { get; set; }

    public IReadOnlyList<Migration> Migrations { get; } =
        [new(1, "applied positions", "create table {schema}.applied (position bigint not null, event_type text not null)")];

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<StoredEvent> events, CancellationToken ct)
    {
        await context.ExecAsync("insert into {schema}.applied select * from unnest($1::bigint[], $2::text[])", ct,
            events.Select(e => e.Position).ToArray(), events.Select(e => e.Alias).ToArray());
        if (events.FirstOrDefault(e => Poison?.Invoke(e) == true) is { } bad)
            throw new InvalidOperationException($"cannot handle event {bad.Position}");
        if (AfterWrite is { } hook) await hook(events, ct);
    }
}
