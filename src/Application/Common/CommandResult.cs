using SecondChance.Domain;

namespace SecondChance.Application;

/// <summary>
/// Outcome of a use case. Id and Version name the addressed stream; Versions holds every stream written.
/// </summary>
public sealed record CommandResult(
    CommandStatus Status,
    Guid Id,
    long Version,
    IReadOnlyDictionary<string, long> Versions,
    int EventCount = 0,
    Refusal? Refusal = null,
    VersionConflict? Conflict = null)
{
    private static readonly IReadOnlyDictionary<string, long> None = new Dictionary<string, long>();

    public static CommandResult Accepted(Guid id, long version, IReadOnlyDictionary<string, long> versions, int eventCount) =>
        new(CommandStatus.Accepted, id, version, versions, eventCount);

    public static CommandResult Refused(Guid id, Refusal refusal) => new(CommandStatus.Refused, id, 0, None, Refusal: refusal);

    public static CommandResult NotFound(Guid id, string what) =>
        new(CommandStatus.NotFound, id, 0, None, Refusal: new Refusal("not_found", what));

    public static CommandResult Conflicted(Guid id, VersionConflict conflict) =>
        new(CommandStatus.Conflict, id, conflict.ActualVersion, None, Conflict: conflict);

    public static CommandResult KeyTaken(Guid id) => new(CommandStatus.IdempotencyKeyTaken, id, 0, None);
}
