using SecondChance.Integrity.Events;
using SecondChance.Integrity.Schema;
using SecondChance.Projections.ReadModels;

namespace SecondChance.Projections.Tests.OnMarten;

/// <summary>The same read model under another code version, as after a change to how events change its tables.</summary>
public sealed class VersionedProjection(IProjection inner, int version) : IProjection
{
    public string Name => inner.Name;
    public int Version => version;
    public IReadOnlyList<Migration> Migrations => inner.Migrations;
    public Task ApplyAsync(ProjectionContext context, IReadOnlyList<StoredEvent> events, CancellationToken ct) => inner.ApplyAsync(context, events, ct);
}
