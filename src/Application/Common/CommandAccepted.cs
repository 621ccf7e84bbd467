namespace SecondChance.Application;

/// <summary>Body of an accepted command: the id of what was created or addressed, the resource's new version, events written.</summary>
public sealed record CommandAccepted(Guid Id, long Version, int EventCount);
