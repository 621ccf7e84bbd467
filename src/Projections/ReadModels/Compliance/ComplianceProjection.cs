using SecondChance.Domain.Inmates;
using SecondChance.Domain.Wages;
using SecondChance.Integrity.Events;
using SecondChance.Integrity.Schema;

namespace SecondChance.Projections.ReadModels.Compliance;

/// <summary>Compliance timeline: the spells and facts the rights rules are checked against, per inmate and facility.</summary>
public sealed class ComplianceProjection : IProjection
{
    public string Name => "compliance";
    public int Version => 2; // 2: housing starts when the inmate moved in; no spell ends before it starts

    public IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "compliance timeline", """
            create table {schema}.inmates (inmate_id uuid primary key, facility_id uuid not null, prisoner_number text not null,
                open_housing bigint, open_segregation bigint);
            create table {schema}.facts (inmate_id uuid not null, position bigint not null, kind text not null, facility_id uuid not null,
                starts_at timestamptz not null, ends_at timestamptz, detail text not null, amount bigint,
                primary key (inmate_id, position, kind));
            create index facts_by_facility on {schema}.facts (facility_id, starts_at);
            """),
    ];

    public async Task ApplyAsync(ProjectionContext ctx, IReadOnlyList<StoredEvent> events, CancellationToken ct)
    {
        var b = await ComplianceBatch.LoadAsync(ctx, events, ct);
        foreach (var e in events)
        {
            var p = e.Position;
            switch (e.Data)
            {
                case InmateAdmitted a:
                    b.Inmates[a.InmateId] = new ComplianceBatch.Inmate(a.InmateId) { Facility = a.FacilityId, Number = a.PrisonerNumber, Dirty = true };
                    b.Fact(a.InmateId, p, "admission", a.AdmittedAt, $"{a.LegalStatus}, {a.Sex}");
                    break;
                case InmateHoused h when b.Get(h.InmateId) is { } i:
                    b.Close(i, ref i.OpenHousing, "housing", h.HousedAt ?? e.Timestamp);
                    b.Fact(h.InmateId, p, "housing", h.HousedAt ?? e.Timestamp, $"{h.WardCategory} ward {h.WardId:N}" + (h.JuvenileOverrideReason is { } why ? $"; override: {why}" : ""));
                    i.OpenHousing = p;
                    break;
                case MedicalScreeningRecorded m:
                    b.Fact(m.InmateId, p, "screening", m.ScreenedAt, $"by {m.ScreenedBy}" + (m.FemaleEntryScreening is null ? "" : "; female entry screening"));
                    break;
                case SegregationStarted s when b.Get(s.InmateId) is { } i:
                    b.Fact(s.InmateId, p, "segregation", s.StartedAt, $"{s.Reason}; authorised by {s.AuthorisedBy}");
                    i.OpenSegregation = p;
                    break;
                case SegregationEnded s when b.Get(s.InmateId) is { } i:
                    b.Close(i, ref i.OpenSegregation, "segregation", s.EndedAt);
                    break;
                case InmateTransferred t when b.Get(t.InmateId) is { } i:
                    b.Close(i, ref i.OpenHousing, "housing", t.TransferredAt);
                    b.Fact(t.InmateId, p, "transfer", t.TransferredAt, $"from {t.FromFacilityId:N} to {t.ToFacilityId:N}");
                    i.Facility = t.ToFacilityId; i.Number = t.PrisonerNumber;
                    break;
                case LegalStatusChanged l: b.Fact(l.InmateId, p, "legal_status", l.ChangedAt, $"{l.From} → {l.To} ({l.Reference})"); break;
                case RestraintApplied r:
                    b.Fact(r.InmateId, p, "restraint", r.StartedAt, $"{r.Instrument}, {r.Reason}; authorised by {r.AuthorisedBy}; restraint {r.RestraintId:N}"
                        + (r.MedicalOfficerInformed ? "; medical officer informed" : "; medical officer not informed"));
                    break;
                case RestraintEnded r: b.Fact(r.InmateId, p, "restraint_end", r.EndedAt, $"restraint {r.RestraintId:N}; authorised by {r.AuthorisedBy}"); break;
                case LabourRecorded l: b.Fact(l.InmateId, p, "labour", l.LabourStartedAt, $"until {l.EndedAt.ToUniversalTime():O}"); break;
                case CustodyIncidentRecorded c: b.Fact(c.InmateId, p, "custody_incident", c.OccurredAt, $"{c.Kind} at {c.Place}; incident {c.IncidentId:N}"); break;
                case IncidentReportedToAuthority r: b.Fact(r.InmateId, p, "incident_reported", r.ReportedAt, $"to {r.Authority}; incident {r.IncidentId:N}"); break;
                case IncidentFamilyNotified n: b.Fact(n.InmateId, p, "incident_family_notified", n.NotifiedAt, $"incident {n.IncidentId:N}"); break;
                case IncidentInvestigationOpened o: b.Fact(o.InmateId, p, "investigation_opened", o.OpenedAt, $"by {o.Investigator}; incident {o.IncidentId:N}"); break;
                case IncidentInvestigationConcluded c: b.Fact(c.InmateId, p, "investigation_concluded", c.ConcludedAt, $"incident {c.IncidentId:N}"); break;
                case FamilyContactRecorded c: b.Fact(c.InmateId, p, "family_contact", c.ContactAt, $"{c.Relation}, {c.Mode}"); break;
                case FamilyVisitRefused v: b.Fact(v.InmateId, p, "family_visit_refused", v.RefusedAt, $"{v.Relation}: {v.Reason}"); break;
                case MentoringContactRecorded m: b.Fact(m.InmateId, p, "mentoring_contact", m.ContactAt, $"{m.Mode}, {m.Phase}, mentor {m.MentorId:N}"); break;
                case WageCredited w when w.SavingsMinor != 0: b.Fact(w.InmateId, p, "savings_posting", w.CreditedAt, w.Kind.ToString(), w.SavingsMinor); break;
                case ShareOfSaleCredited s when s.SavingsMinor != 0: b.Fact(s.InmateId, p, "savings_posting", s.CreditedAt, "share of sale", s.SavingsMinor); break;
                case ReleasePayoutMade r when r.SavingsMinor != 0: b.Fact(r.InmateId, p, "savings_posting", r.PaidAt, "paid out at release", -r.SavingsMinor); break;
                case PostingReversed r when r.SavingsDeltaMinor != 0:
                    b.Fact(r.InmateId, p, "savings_posting", r.ReversedAt, $"reversal of {r.ReversedPostingId:N}", r.SavingsDeltaMinor);
                    break;
                case InmateReleased r when b.Get(r.InmateId) is { } i:
                    b.Close(i, ref i.OpenHousing, "housing", r.ReleasedAt);
                    b.Close(i, ref i.OpenSegregation, "segregation", r.ReleasedAt);
                    b.Fact(r.InmateId, p, "release", r.ReleasedAt, r.Reason);
                    break;
            }
        }
        await b.FlushAsync(ct);
    }
}
