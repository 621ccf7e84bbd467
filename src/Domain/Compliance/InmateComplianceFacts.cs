using System.Collections.Immutable;
using SecondChance.Domain.Complaints;
using SecondChance.Domain.Facilities;
using SecondChance.Domain.Inmates;
using SecondChance.Domain.Wages;

namespace SecondChance.Domain.Compliance;

public sealed record HousingSpell(DateTimeOffset From, Guid FacilityId, Guid WardId, WardCategory Category, Evidence Evidence);

public sealed record SegregationSpell(DateTimeOffset Start, DateTimeOffset? End, Evidence StartEvidence, Evidence? EndEvidence);

public sealed record Screening(DateTimeOffset At, FemaleEntryScreening? Female, Evidence Evidence);

public sealed record LegalStatusSpell(DateTimeOffset From, LegalStatus Status, Evidence Evidence);

/// <summary>A complaint as the rules see it: when lodged and decided, whether about staff, and whether still hidden from the facility.</summary>
public sealed record ComplaintFact(Guid ComplaintId, ComplaintChannel Channel, bool AboutStaff, DateTimeOffset LodgedAt, Evidence Lodged,
    DateTimeOffset? DecidedAt, Evidence? Decision, bool Disclosed)
{
    public bool Hidden => Channel == ComplaintChannel.ToOversight && !Disclosed;
}

/// <summary>Something done to an inmate that can follow a complaint as a reprisal (segregation, transfer, loss of a workshop place).</summary>
public sealed record AdverseAction(DateTimeOffset At, Evidence Evidence);
public sealed record RestraintSpell(Guid RestraintId, RestraintInstrument Instrument, RestraintReason Reason, DateTimeOffset Start, DateTimeOffset? End,
    Evidence StartEvidence, Evidence? EndEvidence);

public sealed record LabourSpell(DateTimeOffset Start, DateTimeOffset End, Evidence Evidence);

/// <summary>A death, serious injury or disappearance and the instants (with evidence) of its follow-ups.</summary>
public sealed record IncidentFacts(Guid IncidentId, CustodyIncidentKind Kind, DateTimeOffset OccurredAt, Evidence Evidence,
    Evidence? Report = null, Evidence? FamilyNotice = null, Evidence? InvestigationOpened = null, Evidence? Conclusion = null);

public sealed record FamilyContact(DateTimeOffset At, FamilyRelation Relation, bool Refused, Evidence Evidence);

public sealed record Credit(DateTimeOffset At, long AmountMinor, long SavingsMinor, Evidence Evidence);

/// <summary>
/// The facts about one inmate that the rights rules need, folded from the inmate's and the wage account's events.
/// Immutable; <see cref="Evolve"/> is the only way facts change.
/// </summary>
public sealed record InmateComplianceFacts(
    Guid InmateId,
    Guid FacilityId,
    Guid AdmittedFacilityId,
    Sex Sex,
    DateOnly DateOfBirth,
    DateTimeOffset? AdmittedAt,
    Evidence? Admission,
    ImmutableList<HousingSpell> Housing,
    ImmutableList<SegregationSpell> Segregation,
    ImmutableList<Screening> Screenings,
    ImmutableList<LegalStatusSpell> LegalStatus,
    ImmutableList<Credit> Credits,
    ImmutableList<Evidence> MentoringContacts,
    long SavingsBalanceMinor,
    DateTimeOffset? ReleasedAt,
    Evidence? Release,
    long SavingsAtReleaseMinor,
    Evidence? SavingsPayout,
    ImmutableList<ComplaintFact> Complaints,
    ImmutableList<AdverseAction> AdverseActions,
    ImmutableList<DateTimeOffset> Transfers)
{
    public ImmutableList<RestraintSpell> Restraints { get; init; } = [];

    public ImmutableList<LabourSpell> Labours { get; init; } = [];

    public ImmutableList<IncidentFacts> Incidents { get; init; } = [];

    public DateTimeOffset? DiedAt { get; init; }

    public ImmutableList<FamilyContact> FamilyContacts { get; init; } = [];

    /// <summary>Each rehabilitation plan drawn up (the first one is what plan_missing waits for).</summary>
    public ImmutableList<Evidence> Plans { get; init; } = [];

    public static readonly InmateComplianceFacts Initial = new(Guid.Empty, Guid.Empty, Guid.Empty, Sex.Male, default, null, null,
        [], [], [], [], [], [], 0, null, null, 0, null, [], [], []);

    public static InmateComplianceFacts Evolve(InmateComplianceFacts f, RecordedEvent e)
    {
        Evidence Ev(string what) => new(e.StreamId, e.Version, e.RecordedAt, what, EffectiveTime.Of(e.Data, e.RecordedAt));
        return e.Data switch
        {
            InmateAdmitted a => f with
            {
                InmateId = a.InmateId, FacilityId = a.FacilityId, AdmittedFacilityId = a.FacilityId, Sex = a.Sex, DateOfBirth = a.DateOfBirth, AdmittedAt = a.AdmittedAt,
                Admission = Ev("admitted"), LegalStatus = f.LegalStatus.Add(new(a.AdmittedAt, a.LegalStatus, Ev($"admitted as {a.LegalStatus}"))),
            },
            InmateHoused h => f with { Housing = f.Housing.Add(new(h.HousedAt ?? e.RecordedAt, h.FacilityId, h.WardId, h.WardCategory, Ev($"housed in {h.WardCategory} ward"))) },
            InmateTransferred t => f with
            {
                FacilityId = t.ToFacilityId, AdverseActions = f.AdverseActions.Add(new(t.TransferredAt, Ev("transferred"))),
                Transfers = f.Transfers.Add(t.TransferredAt),
            },
            InmateWithdrewFromProgramme w => f with { AdverseActions = f.AdverseActions.Add(new(w.WithdrewAt, Ev("withdrawn from a programme"))) },
            LegalStatusChanged l => f with { LegalStatus = f.LegalStatus.Add(new(l.ChangedAt, l.To, Ev($"legal status {l.To}"))) },
            MedicalScreeningRecorded m => f with { Screenings = f.Screenings.Add(new(m.ScreenedAt, m.FemaleEntryScreening, Ev("medical screening"))) },
            SegregationStarted s => f with
            {
                Segregation = f.Segregation.Add(new(s.StartedAt, null, Ev("segregation started"), null)),
                AdverseActions = f.AdverseActions.Add(new(s.StartedAt, Ev("segregation started"))),
            },
            ComplaintLodged c => f with
            {
                Complaints = f.Complaints.Add(new(c.ComplaintId, c.Channel, c.AboutStaff, c.LodgedAt, Ev("complaint lodged"), null, null, false)),
            },
            ComplaintDecided d => Complaint(f, d.ComplaintId, c => c with { DecidedAt = d.DecidedAt, Decision = Ev("complaint decided") }),
            ComplaintDisclosed d => Complaint(f, d.ComplaintId, c => c with { Disclosed = true }),
            SegregationEnded s when f.Segregation.Count > 0 && f.Segregation[^1].End is null =>
                f with { Segregation = f.Segregation.SetItem(f.Segregation.Count - 1, f.Segregation[^1] with { End = s.EndedAt, EndEvidence = Ev("segregation ended") }) },
            RestraintApplied r => f with
            {
                Restraints = f.Restraints.Add(new(r.RestraintId, r.Instrument, r.Reason, r.StartedAt, null, Ev($"{r.Instrument} applied ({r.Reason})"), null)),
                AdverseActions = f.AdverseActions.Add(new(r.StartedAt, Ev("restrained"))),
            },
            RestraintEnded r => f with
            {
                Restraints = f.Restraints.Select(x => x.RestraintId == r.RestraintId && x.End is null ? x with { End = r.EndedAt, EndEvidence = Ev("restraint ended") } : x)
                    .ToImmutableList(),
            },
            LabourRecorded l => f with { Labours = f.Labours.Add(new(l.LabourStartedAt, l.EndedAt, Ev("labour recorded"))) },
            CustodyIncidentRecorded c => f with
            {
                Incidents = f.Incidents.Add(new(c.IncidentId, c.Kind, c.OccurredAt, Ev(Words(c.Kind) + " recorded"))),
                DiedAt = c.Kind == CustodyIncidentKind.Death ? c.OccurredAt : f.DiedAt,
            },
            IncidentReportedToAuthority r => Incident(f, r.IncidentId, i => i with { Report = Ev($"reported to {r.Authority}") }),
            IncidentFamilyNotified n => Incident(f, n.IncidentId, i => i with { FamilyNotice = Ev("family notified") }),
            IncidentInvestigationOpened o => Incident(f, o.IncidentId, i => i with { InvestigationOpened = Ev("investigation opened") }),
            IncidentInvestigationConcluded c => Incident(f, c.IncidentId, i => i with { Conclusion = Ev("investigation concluded") }),
            FamilyContactRecorded c => f with
            {
                FamilyContacts = f.FamilyContacts.Add(new(c.ContactAt, c.Relation, false, Ev($"{c.Mode} contact with {c.Relation.ToString().ToLowerInvariant()}"))),
            },
            FamilyVisitRefused v => f with
            {
                FamilyContacts = f.FamilyContacts.Add(new(v.RefusedAt, v.Relation, true, Ev($"visit by {v.Relation.ToString().ToLowerInvariant()} refused"))),
            },
            RehabilitationPlanDrawnUp => f with { Plans = f.Plans.Add(Ev("rehabilitation plan drawn up")) },
            MentoringContactRecorded => f with { MentoringContacts = f.MentoringContacts.Add(Ev("mentoring contact")) },
            InmateReleased r => f with { ReleasedAt = r.ReleasedAt, Release = Ev("released"), SavingsAtReleaseMinor = f.SavingsBalanceMinor },
            WageCredited w => Credited(f, w.CreditedAt, w.AmountMinor, w.SavingsMinor, Ev($"{w.Kind} credit")),
            ShareOfSaleCredited s => Credited(f, s.CreditedAt, s.AmountMinor, s.SavingsMinor, Ev("share of sale credit")),
            PostingReversed r => f with { SavingsBalanceMinor = f.SavingsBalanceMinor + r.SavingsDeltaMinor },
            ReleasePayoutMade p => f with
            {
                SavingsBalanceMinor = f.SavingsBalanceMinor - p.SavingsMinor,
                SavingsPayout = p.SavingsMinor > 0 || f.SavingsBalanceMinor == 0 ? Ev("savings paid out") : f.SavingsPayout,
            },
            _ => f,
        };
    }

    private static InmateComplianceFacts Complaint(InmateComplianceFacts f, Guid id, Func<ComplaintFact, ComplaintFact> change) =>
        f.Complaints.FindIndex(c => c.ComplaintId == id) is var i and >= 0 ? f with { Complaints = f.Complaints.SetItem(i, change(f.Complaints[i])) } : f;
    private static InmateComplianceFacts Incident(InmateComplianceFacts f, Guid incidentId, Func<IncidentFacts, IncidentFacts> change) =>
        f with { Incidents = f.Incidents.Select(i => i.IncidentId == incidentId ? change(i) : i).ToImmutableList() };

    private static string Words(CustodyIncidentKind kind) => kind switch
    {
        CustodyIncidentKind.SeriousInjury => "serious injury",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static InmateComplianceFacts Credited(InmateComplianceFacts f, DateTimeOffset at, long amount, long savings, Evidence ev) =>
        f with { Credits = f.Credits.Add(new(at, amount, savings, ev)), SavingsBalanceMinor = f.SavingsBalanceMinor + savings };
}
