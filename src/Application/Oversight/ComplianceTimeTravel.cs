using SecondChance.Integrity.Events;
using SecondChance.Application.Audit;
using SecondChance.Domain;
using SecondChance.Domain.Compliance;
using SecondChance.Domain.Facilities;

namespace SecondChance.Application.Oversight;

/// <summary>
/// Folds inmates' compliance facts and facilities from the event log on both axes: the events recorded by KnownAt
/// (null: all) whose effect came by the end of AsOf (null: all). Facilities are taken as recorded by KnownAt.
/// </summary>
public sealed class ComplianceTimeTravel(MartenEventLog store, FacilityMembers members)
{
    public async Task<InmateComplianceFacts> InmateAsync(Guid inmateId, TimeAxes axes, CancellationToken ct)
    {
        var events = (await store.ReadStreamAsync(StreamIds.Inmate(inmateId), asOf: axes.KnownAt, ct: ct))
            .Concat(await store.ReadStreamAsync(StreamIds.WageAccount(inmateId), asOf: axes.KnownAt, ct: ct))
            .Concat(await store.ReadStreamAsync(StreamIds.Complaints(inmateId), asOf: axes.KnownAt, ct: ct))
            .Concat(await store.ReadStreamAsync(StreamIds.Complaints(inmateId, true), asOf: axes.KnownAt, ct: ct))
            .Where(e => axes.InEffect(EffectiveTime.Of(e.Data, e.Timestamp)))
            .OrderBy(e => e.Cursor);
        return events.Aggregate(InmateComplianceFacts.Initial,
            (f, e) => InmateComplianceFacts.Evolve(f, new RecordedEvent(e.StreamId, e.Version, e.Timestamp, e.Data)));
    }

    public async Task<IReadOnlyList<InmateComplianceFacts>> FacilityAsync(Guid facilityId, TimeAxes axes, CancellationToken ct)
    {
        var facts = new List<InmateComplianceFacts>();
        foreach (var inmate in await members.InmatesAsync(facilityId, axes.KnownAt, ct))
            facts.Add(await InmateAsync(inmate, axes, ct));
        return facts;
    }

    /// <summary>Every facility the facts refer to, as each stood at the instant.</summary>
    public async Task<IReadOnlyDictionary<Guid, FacilityState>> FacilitiesAsync(IEnumerable<Guid> ids, DateTimeOffset? knownAt, CancellationToken ct)
    {
        var states = new Dictionary<Guid, FacilityState>();
        foreach (var id in ids.Distinct())
        {
            var (state, version) = await store.AggregateAsync(StreamIds.Facility(id), FacilityState.Initial, FacilityState.Evolve, asOf: knownAt, ct: ct);
            if (version > 0) states[id] = state;
        }
        return states;
    }

    public static IEnumerable<Guid> FacilitiesOf(IEnumerable<InmateComplianceFacts> facts) =>
        facts.SelectMany(f => f.Housing.Select(h => h.FacilityId).Append(f.FacilityId).Append(f.AdmittedFacilityId)).Where(g => g != Guid.Empty);
}
