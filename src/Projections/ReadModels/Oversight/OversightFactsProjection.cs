using System.Text.Json;
using NpgsqlTypes;
using SecondChance.Domain.Complaints;
using SecondChance.Domain.Compliance;
using SecondChance.Domain.Facilities;
using SecondChance.Domain.Inmates;
using SecondChance.Domain.Wages;
using SecondChance.Integrity.Events;
using SecondChance.Integrity.Schema;

namespace SecondChance.Projections.ReadModels.Oversight;

/// <summary>
/// Each inmate's folded <see cref="InmateComplianceFacts"/> and each facility's state, so the present-day oversight
/// report evaluates the domain's rights rules without reading the event log. Time travel folds the log instead; both
/// fold with the same Evolve, so they agree.
/// </summary>
public sealed class OversightFactsProjection : IProjection
{
    public static readonly JsonSerializerOptions Json = EventJson.CreateSerializerOptions();

    public string Name => "oversight";
    public int Version => 4; // 2: every evidence says when its event took effect; 3: complaints and adverse actions; 4: plans

    public IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "compliance facts per inmate and facility states", """
            create table {schema}.inmate_facts (
                inmate_id uuid primary key, facilities uuid[] not null, facts jsonb not null);
            create index inmate_facts_facilities on {schema}.inmate_facts using gin (facilities);
            create table {schema}.facility_states (facility_id uuid primary key, state jsonb not null);
            """),
    ];

    public async Task ApplyAsync(ProjectionContext ctx, IReadOnlyList<StoredEvent> events, CancellationToken ct)
    {
        var inmateIds = events.Select(e => InmateOf(e.Data)).OfType<Guid>().Distinct().ToArray();
        var facilityIds = events.Select(e => FacilityOf(e.Data)).OfType<Guid>().Distinct().ToArray();

        var facts = new Dictionary<Guid, InmateComplianceFacts>();
        if (inmateIds.Length > 0)
            await ctx.ReadAsync("select inmate_id, facts::text from {schema}.inmate_facts where inmate_id = any($1)",
                r => facts[r.GetGuid(0)] = JsonSerializer.Deserialize<InmateComplianceFacts>(r.GetString(1), Json)!, ct, inmateIds);
        var facilities = new Dictionary<Guid, FacilityState>();
        if (facilityIds.Length > 0)
            await ctx.ReadAsync("select facility_id, state::text from {schema}.facility_states where facility_id = any($1)",
                r => facilities[r.GetGuid(0)] = JsonSerializer.Deserialize<FacilityState>(r.GetString(1), Json)!, ct, facilityIds);

        foreach (var e in events)
        {
            if (InmateOf(e.Data) is { } inmate)
                facts[inmate] = InmateComplianceFacts.Evolve(facts.GetValueOrDefault(inmate) ?? InmateComplianceFacts.Initial,
                    new RecordedEvent(e.StreamId, e.Version, e.Timestamp, e.Data));
            if (FacilityOf(e.Data) is { } f)
                facilities[f] = FacilityState.Evolve(facilities.GetValueOrDefault(f) ?? FacilityState.Initial, e.Data);
        }

        if (facts.Count > 0)
        {
            await using var cmd = ctx.Command("""
                insert into {schema}.inmate_facts (inmate_id, facilities, facts)
                select u.i, u.f::uuid[], u.j from unnest($1::uuid[], $2::text[], $3::jsonb[]) as u(i, f, j)
                on conflict (inmate_id) do update set facilities = excluded.facilities, facts = excluded.facts
                """);
            var list = facts.ToList();
            cmd.Parameters.Add(new() { Value = list.Select(x => x.Key).ToArray() });
            cmd.Parameters.Add(new() { Value = list.Select(x => "{" + string.Join(",", FacilitiesOf(x.Value)) + "}").ToArray() });
            cmd.Parameters.Add(new() { Value = list.Select(x => JsonSerializer.Serialize(x.Value, Json)).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
            await cmd.ExecuteNonQueryAsync(ct);
        }
        if (facilities.Count > 0)
        {
            await using var cmd = ctx.Command("""
                insert into {schema}.facility_states (facility_id, state) select * from unnest($1::uuid[], $2::jsonb[])
                on conflict (facility_id) do update set state = excluded.state
                """);
            var list = facilities.ToList();
            cmd.Parameters.Add(new() { Value = list.Select(x => x.Key).ToArray() });
            cmd.Parameters.Add(new() { Value = list.Select(x => JsonSerializer.Serialize(x.Value, Json)).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>Every facility an inmate's facts touch: where admitted, housed and held now.</summary>
    public static IEnumerable<Guid> FacilitiesOf(InmateComplianceFacts f) =>
        f.Housing.Select(h => h.FacilityId).Append(f.FacilityId).Append(f.AdmittedFacilityId).Where(g => g != Guid.Empty).Distinct();

    /// <summary>The facility a facility event belongs to; null for every other event.</summary>
    private static Guid? FacilityOf(object data) => data switch
    {
        FacilityRegistered e => e.FacilityId, WardAdded e => e.FacilityId, ComplianceThresholdsSet e => e.FacilityId,
        ProceedsPolicyAdopted e => e.FacilityId, WardCapacityCertified e => e.FacilityId, _ => null,
    };

    // the events InmateComplianceFacts.Evolve reads: the inmate's own stream and the wage account's postings
    private static Guid? InmateOf(object data) => data switch
    {
        InmateAdmitted e => e.InmateId, InmateHoused e => e.InmateId, InmateTransferred e => e.InmateId, LegalStatusChanged e => e.InmateId,
        MedicalScreeningRecorded e => e.InmateId, SegregationStarted e => e.InmateId, SegregationEnded e => e.InmateId,
        MentoringContactRecorded e => e.InmateId, InmateReleased e => e.InmateId,
        RestraintApplied e => e.InmateId, RestraintEnded e => e.InmateId, LabourRecorded e => e.InmateId,
        CustodyIncidentRecorded e => e.InmateId, IncidentFamilyNotified e => e.InmateId, IncidentReportedToAuthority e => e.InmateId,
        IncidentInvestigationOpened e => e.InmateId, IncidentInvestigationConcluded e => e.InmateId,
        FamilyContactRecorded e => e.InmateId, FamilyVisitRefused e => e.InmateId, WageCredited e => e.InmateId,
        ShareOfSaleCredited e => e.InmateId, PostingReversed e => e.InmateId, ReleasePayoutMade e => e.InmateId,
        InmateWithdrewFromProgramme e => e.InmateId, RehabilitationPlanDrawnUp e => e.InmateId, ComplaintLodged e => e.InmateId, ComplaintDecided e => e.InmateId,
        ComplaintDisclosed e => e.InmateId,
        _ => null,
    };
}
