using SecondChance.Integrity.Events;
using SecondChance.Domain;
using SecondChance.Domain.Facilities;
using SecondChance.Domain.Inmates;

namespace SecondChance.Application.Audit;

/// <summary>
/// The time zone a business date is read in: the facility's, or for an inmate the facility holding them, as the event
/// log knew it at an instant (null: now). UTC for a facility the log does not know.
/// </summary>
public sealed class FacilityTimeZones(MartenEventLog store)
{
    public async Task<string> OfFacilityAsync(Guid facilityId, DateTimeOffset? knownAt, CancellationToken ct)
    {
        var (facility, version) = await store.AggregateAsync(StreamIds.Facility(facilityId), FacilityState.Initial, FacilityState.Evolve,
            asOf: knownAt, ct: ct);
        return version > 0 && facility.TimeZoneId is { Length: > 0 } zone ? zone : "UTC";
    }

    /// <summary>Known is false when no event of the inmate was recorded by then.</summary>
    public async Task<(bool Known, string TimeZoneId)> OfInmateAsync(Guid inmateId, DateTimeOffset? knownAt, CancellationToken ct)
    {
        var (inmate, version) = await store.AggregateAsync(StreamIds.Inmate(inmateId), InmateState.Initial, InmateState.Evolve, asOf: knownAt, ct: ct);
        return version == 0 ? (false, "UTC") : (true, await OfFacilityAsync(inmate.FacilityId, knownAt, ct));
    }
}
