using SecondChance.Integrity.Events;
using SecondChance.Domain;

namespace SecondChance.Application.Access;

public sealed record EraseInmate(Guid InmateId, string Reason);

public sealed record ErasureOptions(int RetentionYears = 0);

public enum ErasureStatus { Erased, AlreadyErased, NotFound, Refused }

public sealed record ErasureResult(ErasureStatus Status, string? Code = null, string? Message = null);

/// <summary>
/// Destroys the inmate's key: events stay (amounts and dates remain), personal fields read as "[erased]".
/// The inline directory is redacted here; the caller rebuilds the daemon's read models.
/// </summary>
public sealed class EraseInmateHandler(Streams streams, MartenEventLog store, ErasureOptions options, TimeProvider clock)
{
    public const string Erased = "[erased]";

    public async Task<ErasureResult> HandleAsync(EraseInmate command, string erasedBy, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(command.Reason) || command.Reason.Length > 1000)
            return new(ErasureStatus.Refused, RefusalCodes.InvalidReason, "A reason of 1 to 1000 characters is required.");
        var inmate = await streams.InmateAsync(command.InmateId, ct);
        if (!inmate.Exists) return new(ErasureStatus.NotFound, Message: $"No inmate has id {command.InmateId}.");
        if (!inmate.State.IsReleased)
            return new(ErasureStatus.Refused, RefusalCodes.InmateNotReleased, "Personal data is erased only after release.");
        var releasedAt = await ReleasedAtAsync(command.InmateId, ct);
        if (releasedAt is { } at && at.AddYears(options.RetentionYears) > clock.GetUtcNow())
            return new(ErasureStatus.Refused, "retention_period_running",
                $"Records are kept {options.RetentionYears} years after release; this inmate was released on {at:yyyy-MM-dd}.");

        var erased = await store.Keys.EraseAsync(command.InmateId, erasedBy, command.Reason.Trim(), ct);
        await using var cmd = store.DataSource.CreateCommand($"update {store.Schema}.inmate_directory set full_name = $2 where inmate_id = $1");
        cmd.Parameters.Add(new() { Value = command.InmateId });
        cmd.Parameters.Add(new() { Value = Erased });
        await cmd.ExecuteNonQueryAsync(ct);
        return new(erased ? ErasureStatus.Erased : ErasureStatus.AlreadyErased);
    }

    private async Task<DateTimeOffset?> ReleasedAtAsync(Guid inmateId, CancellationToken ct)
    {
        await using var cmd = store.DataSource.CreateCommand($"select released_at from {store.Schema}.inmate_directory where inmate_id = $1");
        cmd.Parameters.Add(new() { Value = inmateId });
        return await cmd.ExecuteScalarAsync(ct) is DateTime at ? new DateTimeOffset(at, TimeSpan.Zero) : null;
    }
}
