using SecondChance.Domain.Facilities;
using SecondChance.Domain.Inmates;
using SecondChance.Domain.Items;
using SecondChance.Domain.Programmes;
using SecondChance.Domain.Wages;
using SecondChance.Integrity.Events;
using SecondChance.Integrity.Schema;

namespace SecondChance.Projections.ReadModels.Dashboard;

/// <summary>
/// Reintegration dashboard. A batch loads the inmates, programmes and items it touches, folds its events over them in
/// order, and writes back changed rows and summed counter deltas, one statement per table.
/// </summary>
public sealed partial class DashboardProjection : IProjection
{
    public string Name => "dashboard";
    public int Version => 6; // 2 → 3: earnings net of reversed credits; months at the facility's local date; 4: proceeds in the sale's month whatever the batch
                              // 5: readiness per goal; 6: ventures by stage, venture fund money in, out and back
    public IReadOnlyList<Migration> Migrations => DashboardMigrations.All;

    internal sealed class Inmate
    {
        public Guid Id, Facility; public bool Female; public string Status = "admitted", Number = "";
        public DateOnly? ExpectedRelease; public DateTimeOffset? ReleasedAt; public int Certified, FollowUps;
        public Guid? Mentor; public long Savings; public (Guid, bool, string)? Counted; public bool Dirty;
    }
    internal sealed record Programme(Guid Facility, string Craft);
    internal sealed record Item(Guid Facility, Guid Programme, string Craft, bool Female);


    private static async Task<DateTimeOffset?> SoldAtAsync(ProjectionContext ctx, SaleProceedsDistributed d, CancellationToken ct)
    {
        DateTimeOffset? at = null;
        await ctx.ReadAsync($"""
            select (data->>'soldAt')::timestamptz from {SecondChance.Integrity.MartenSetup.Schema}.mt_events
             where stream_id = $1 and type = 'item_sold.v1' and data->>'saleId' = $2 order by version desc limit 1
            """, r => at = r.GetFieldValue<DateTimeOffset>(0), ct, SecondChance.Domain.StreamIds.Item(d.ItemId), d.SaleId.ToString());
        return at;
    }

    public async Task ApplyAsync(ProjectionContext ctx, IReadOnlyList<StoredEvent> events, CancellationToken ct)
    {
        var b = await Batch.LoadAsync(ctx, events, ct);
        var ventures = await Ventures.LoadAsync(ctx, events, ct);
        var soldAt = new Dictionary<Guid, DateTimeOffset>();
        var planned = new StatementBatch(ctx);
        foreach (var e in events)
        {
            switch (e.Data)
            {
                case FacilityRegistered f: b.Calendar.Registered(f); break;
                case InmateAdmitted a:
                    b.Inmates[a.InmateId] = new Inmate { Id = a.InmateId, Facility = a.FacilityId, Female = a.Sex == Sex.Female, Number = a.PrisonerNumber, Dirty = true };
                    b.Count(b.Inmates[a.InmateId], "admitted", a.AdmittedAt);
                    break;
                case InmateTransferred t when b.Inmate(t.InmateId) is { } i:
                    i.Facility = t.ToFacilityId; i.Number = t.PrisonerNumber; i.Dirty = true;
                    break;
                case InmateRecordCorrected c when b.Inmate(c.InmateId) is { } i:
                    foreach (var f in c.Corrections)
                        if (f.Field == CorrectableFields.Sex && CorrectableFields.TryParseSex(f.CorrectedValue, out var sex)) { i.Female = sex == Sex.Female; i.Dirty = true; }
                    break;
                case ReleasePlanned r when b.Inmate(r.InmateId) is { } i:
                    i.ExpectedRelease = r.ExpectedReleaseDate; i.Dirty = true;
                    Readiness.Planned(planned, r);
                    break;
                case RehabilitationPlanDrawnUp p: await Readiness.DrawnUpAsync(ctx, planned, p, ct); break;
                case PlanGoalReviewed g: await Readiness.ReviewedAsync(ctx, planned, g, ct); break;
                case InmateReleased r when b.Inmate(r.InmateId) is { } i:
                    i.Status = "released"; i.ReleasedAt = r.ReleasedAt; i.Dirty = true;
                    b.Count(i, "released", r.ReleasedAt);
                    break;
                case SkillCertified s when b.Inmate(s.InmateId) is { } i:
                    i.Certified++; i.Dirty = true;
                    b.Count(i, s.ProgrammeId, "certified", s.CertifiedAt);
                    break;
                case InmateEnrolled en when b.Inmate(en.InmateId) is { } i: b.Count(i, en.ProgrammeId, "enrolled", en.EnrolledAt); break;
                case InmateCompletedProgramme c when b.Inmate(c.InmateId) is { } i: b.Count(i, c.ProgrammeId, "completed", c.CompletedAt); break;
                case InmateWithdrewFromProgramme w when b.Inmate(w.InmateId) is { } i: b.Count(i, w.ProgrammeId, "withdrew", w.WithdrewAt); break;
                case MentorAssigned m when b.Inmate(m.InmateId) is { } i: i.Mentor = m.MentorId; i.Dirty = true; break;
                case MentorUnassigned m when b.Inmate(m.InmateId) is { } i && i.Mentor == m.MentorId: i.Mentor = null; i.Dirty = true; break;
                case MentoringContactRecorded m: b.Contacts.Add((m.InmateId, m.ContactAt)); break;
                case PostReleaseFollowUpRecorded f when b.Inmate(f.InmateId) is { } i: i.FollowUps++; i.Dirty = true; break;
                case ProgrammeOpened p: b.Programmes[p.ProgrammeId] = new Programme(p.FacilityId, p.Craft.ToString()); b.NewProgrammes.Add(p.ProgrammeId); break;
                case ItemProduced p:
                    var female = p.Makers.Any(m => b.Inmate(m.InmateId)?.Female == true);
                    b.Items[p.ItemId] = new Item(p.FacilityId, p.ProgrammeId, p.Craft.ToString(), female);
                    b.NewItems.Add(p.ItemId);
                    b.Add(p.FacilityId, female, p.ProgrammeId, p.Craft.ToString(), "produced", p.ProducedAt, 1, p.MaterialsCostMinor);
                    break;
                case ItemListed l when b.Items.GetValueOrDefault(l.ItemId) is { } it: b.Add(it, "listed", l.ListedAt, l.PriceMinor); break;
                case ItemSold s when b.Items.GetValueOrDefault(s.ItemId) is { } it:
                    soldAt[s.ItemId] = s.SoldAt;
                    b.Add(it, "sold", s.SoldAt, s.PriceMinor);
                    break;
                case ItemReturned r when b.Items.GetValueOrDefault(r.ItemId) is { } it: b.Add(it, "returned", r.ReturnedAt, 0); break;
                case SaleProceedsDistributed d when b.Items.GetValueOrDefault(d.ItemId) is { } it:
                    // proceeds count in the month of the sale, recorded in the same append just before; a batch can begin between
                    // the two, so a sale not in this batch is read from the log (else live and rebuilt months would differ)
                    var at = soldAt.TryGetValue(d.ItemId, out var sold) ? sold : await SoldAtAsync(ctx, d, ct) ?? e.Timestamp;
                    b.Add(it.Facility, it.Female, Guid.Empty, "", "proceeds", at, 1, d.PriceMinor);
                    b.Add(it.Facility, it.Female, Guid.Empty, "", "welfare_fund", at, 1, d.WelfareFundMinor);
                    break;
                case WageCredited w when b.Inmate(w.InmateId) is { } i:
                    i.Savings += w.SavingsMinor; i.Dirty = true;
                    b.Add(i.Facility, i.Female, Guid.Empty, "", "earnings", w.CreditedAt, 1, w.AmountMinor);
                    break;
                case ShareOfSaleCredited s when b.Inmate(s.InmateId) is { } i:
                    i.Savings += s.SavingsMinor; i.Dirty = true;
                    b.Add(i.Facility, i.Female, Guid.Empty, "", "earnings", s.CreditedAt, 1, s.AmountMinor);
                    break;
                case ReleasePayoutMade p when b.Inmate(p.InmateId) is { } i:
                    i.Savings -= p.SavingsMinor; i.Dirty = true;
                    b.Add(i.Facility, i.Female, Guid.Empty, "", "paid_out", p.PaidAt, 1, p.SpendableMinor + p.SavingsMinor);
                    break;
                case PostingReversed r when b.Inmate(r.InmateId) is { } i:
                    i.Savings += r.SavingsDeltaMinor; i.Dirty = true;
                    // only a credit adds to an account, so only its reversal takes money out: earnings are net of it,
                    // booked in the month of the reversal so that a month already reported is not rewritten
                    if (r.SpendableDeltaMinor + r.SavingsDeltaMinor + r.FamilyDeltaMinor is var taken and < 0)
                        b.Add(i.Facility, i.Female, Guid.Empty, "", "earnings", r.ReversedAt, -1, taken);
                    break;
                default: ventures.Apply(e.Data, b); break;
            }
        }
        await planned.FlushAsync(ct);
        await b.FlushAsync(ct);
        await ventures.FlushAsync(ct);
    }
}
