using SecondChance.Domain;
using SecondChance.Host.Http;
using SecondChance.Integrity.Events;

namespace SecondChance.Host.Endpoints;

/// <summary>
/// A read about one inmate answers 404 for an inmate whose stream holds no event at all. An inmate recorded after
/// knownAt, or admitted after asOf, is known: the answer is what was recorded or in effect then, which is nothing
/// (zero balances, no lines), as the statement page shows it.
/// </summary>
internal static class KnownInmate
{
    public static async Task<IResult?> UnknownAsync(MartenEventLog log, Guid inmateId, CancellationToken ct) =>
        (await log.ReadStreamAsync(StreamIds.Inmate(inmateId), upToVersion: 1, ct: ct)).Count > 0
            ? null
            : Problems.NotFound($"No inmate has id {inmateId}.");
}
