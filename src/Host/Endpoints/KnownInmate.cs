using SecondChance.Domain;
using SecondChance.Host.Http;
using SecondChance.Integrity.Events;

namespace SecondChance.Host.Endpoints;

/// <summary>
/// A read about one inmate answers 404 for an inmate whose stream holds no event (at knownAt, on the recording axis:
/// the system then knew no such inmate either). An inmate admitted after asOf is known: nothing of theirs is in effect yet.
/// </summary>
internal static class KnownInmate
{
    public static async Task<IResult?> UnknownAsync(MartenEventLog log, Guid inmateId, DateTimeOffset? knownAt, CancellationToken ct)
    {
        if (await RecordedAsync(log, inmateId, knownAt, ct)) return null;
        if (knownAt is { } k && await RecordedAsync(log, inmateId, null, ct))
            return Problems.Status(StatusCodes.Status404NotFound, "Not found",
                $"The inmate {inmateId} was not yet recorded at knownAt {k.ToUniversalTime():yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'}: nothing was known of them then.",
                new Dictionary<string, object?> { ["code"] = "not_yet_recorded" });
        return Problems.NotFound($"No inmate has id {inmateId}.");
    }

    private static async Task<bool> RecordedAsync(MartenEventLog log, Guid inmateId, DateTimeOffset? knownAt, CancellationToken ct) =>
        (await log.ReadStreamAsync(StreamIds.Inmate(inmateId), upToVersion: 1, asOf: knownAt, ct)).Count > 0;
}
