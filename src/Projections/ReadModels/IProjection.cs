using SecondChance.Integrity.Events;
using SecondChance.Integrity.Schema;

namespace SecondChance.Projections.ReadModels;

/// <summary>
/// A read model: its tables (created by <see cref="Migrations"/> in a schema of its own, so a rebuild can build a
/// fresh copy beside the live one) and how a batch of events changes them. Apply runs inside Marten's daemon batch
/// transaction (<see cref="OnMarten.MartenReadModels"/>), which also moves the progression; a projection keeps no state between batches.
/// </summary>
public interface IProjection
{
    /// <summary>Lower-case identifier; the tables live in schema <c>{store schema}_{name}</c>.</summary>
    string Name { get; }

    /// <summary>Raised when the way events change the tables changes; a stored model of an older version is rebuilt.</summary>
    int Version { get; }

    IReadOnlyList<Migration> Migrations { get; }

    Task ApplyAsync(ProjectionContext context, IReadOnlyList<StoredEvent> events, CancellationToken ct);
}
