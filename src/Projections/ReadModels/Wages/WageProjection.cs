using SecondChance.Domain.Facilities;
using System.Text.Json;
using SecondChance.Domain.Inmates;
using SecondChance.Domain.Items;
using SecondChance.Domain.Wages;
using SecondChance.Integrity.Events;
using SecondChance.Integrity.Schema;
using static SecondChance.Projections.ReadModels.Wages.WageAccounts;

namespace SecondChance.Projections.ReadModels.Wages;

/// <summary>Wage accounting: postings with their source, sales with their split, a double-entry ledger and totals.</summary>
public sealed class WageProjection : IProjection
{
    public string Name => "wages";
    public int Version => 3; // 2: months at the facility's local date; 3: postings keep when they were recorded
    public IReadOnlyList<Migration> Migrations => WageMigrations.All;

    internal sealed record Posting(Guid Id, Guid Inmate, long Position, Guid Facility, string Source, Guid? Reference, string Description,
        DateTimeOffset At, long Spendable, long Savings, long Family, string Currency, string Contra, DateTimeOffset RecordedAt = default);

    public async Task ApplyAsync(ProjectionContext ctx, IReadOnlyList<StoredEvent> events, CancellationToken ct)
    {
        var b = await WageBatch.LoadAsync(ctx, events, ct);
        foreach (var e in events)
        {
            switch (e.Data)
            {
                case FacilityRegistered f: b.Calendar.Registered(f); break;
                case InmateAdmitted a: b.Inmates[a.InmateId] = a.FacilityId; b.NewInmates.Add(a.InmateId); break;
                case InmateTransferred t: b.Inmates[t.InmateId] = t.ToFacilityId; b.NewInmates.Add(t.InmateId); break;
                case ItemProduced p: b.Items[p.ItemId] = p.FacilityId; b.NewItems.Add(p.ItemId); break;
                case WageCredited w:
                    b.Post(new Posting(w.PostingId, w.InmateId, e.Position, b.FacilityOf(w.InmateId), w.Kind == WageKind.Wage ? "wage" : "piece_work",
                        null, w.Description, w.CreditedAt, w.SpendableMinor, w.SavingsMinor, w.FamilyMinor, w.Currency, WagesExpense, e.Timestamp));
                    break;
                case ShareOfSaleCredited s:
                    b.Post(new Posting(s.PostingId, s.InmateId, e.Position, b.FacilityOf(s.InmateId), "sale", s.SaleId, $"share of sale of item {s.ItemId:N}",
                        s.CreditedAt, s.SpendableMinor, s.SavingsMinor, s.FamilyMinor, s.Currency, InmateSharePayable, e.Timestamp));
                    break;
                case DeductionPosted d:
                    b.Post(new Posting(d.PostingId, d.InmateId, e.Position, b.FacilityOf(d.InmateId), "deduction", null, d.Reason, d.PostedAt,
                        -d.AmountMinor, 0, 0, d.Currency, Deductions, e.Timestamp));
                    break;
                case FamilyRemittanceSent f:
                    var fromFamily = f.From == WageSubAccount.Family;
                    b.Post(new Posting(f.PostingId, f.InmateId, e.Position, b.FacilityOf(f.InmateId), "remittance", null, $"to {f.Recipient}", f.SentAt,
                        fromFamily ? 0 : -f.AmountMinor, 0, fromFamily ? -f.AmountMinor : 0, f.Currency, Payouts, e.Timestamp));
                    break;
                case ReleasePayoutMade p:
                    b.Post(new Posting(p.PostingId, p.InmateId, e.Position, b.FacilityOf(p.InmateId), "payout", null, "paid out at release", p.PaidAt,
                        -p.SpendableMinor, -p.SavingsMinor, 0, p.Currency, Payouts, e.Timestamp));
                    break;
                case PostingReversed r:
                    var original = b.Postings.GetValueOrDefault(r.ReversedPostingId);
                    b.Post(new Posting(r.PostingId, r.InmateId, e.Position, b.FacilityOf(r.InmateId), "reversal", r.ReversedPostingId, r.Reason,
                        r.ReversedAt, r.SpendableDeltaMinor, r.SavingsDeltaMinor, r.FamilyDeltaMinor, r.Currency,
                        original?.Contra ?? throw new InvalidOperationException($"Reversed posting {r.ReversedPostingId} is not in the ledger."),
                        e.Timestamp));
                    break;
                case SaleProceedsDistributed s:
                    var facility = b.Items.TryGetValue(s.ItemId, out var f2) ? f2 : throw new InvalidOperationException($"Item {s.ItemId} was never produced.");
                    b.Sales.Add((s, facility, e.Position, e.Timestamp, JsonSerializer.Serialize(s.Makers, JsonSerializerOptions.Web)));
                    b.Line(facility, SalesProceeds, s.PriceMinor, 0);
                    b.Line(facility, InmateSharePayable, 0, s.InmateShareMinor);
                    b.Line(facility, WelfareFund, 0, s.WelfareFundMinor);
                    b.Line(facility, MaterialsRecovery, 0, s.MaterialsRecoveryMinor);
                    b.Total(facility, e.Timestamp, "sale_proceeds", s.PriceMinor, 0, 0, 0);
                    break;
            }
        }
        await b.FlushAsync(ct);
    }
}
