namespace SecondChance.Projections.Tests;

/// <summary>Test classes run one after another: each holds daemons and PostgreSQL connections of its own.</summary>
[CollectionDefinition("projections")]
public sealed class ProjectionsCollection;
