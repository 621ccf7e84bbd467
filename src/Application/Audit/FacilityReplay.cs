using SecondChance.Integrity.Events;
using SecondChance.Domain;
using SecondChance.Domain.Inmates;
using SecondChance.Domain.Items;
using SecondChance.Domain.Wages;

namespace SecondChance.Application.Audit;

/// <summary>
/// A facility's wage and proceeds history replayed from the event log. Lines hold what was recorded in [From, To);
/// History holds every line up to To (balances need the whole past); Inmates are the accounts that were ever here and
/// Accounts every posting of theirs up to To, wherever the inmate was at the time.
/// </summary>
public sealed record FacilityReplay(
    Guid FacilityId, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<ReplayLine> Lines, IReadOnlyList<ReplayLine> History,
    IReadOnlyList<Guid> Inmates, IReadOnlyDictionary<Guid, IReadOnlyList<ReplayLine>> Accounts);

public sealed class FacilityReplayQuery(MartenEventLog store, FacilityMembers members)
{
    public async Task<FacilityReplay> ReplayAsync(Guid facilityId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var inmates = await members.InmatesAsync(facilityId, to, ct);
        var items = await members.ItemsAsync(facilityId, to, ct);
        var history = new List<ReplayLine>();
        var accounts = new Dictionary<Guid, IReadOnlyList<ReplayLine>>();
        foreach (var inmate in inmates)
        {
            var moves = (await store.ReadStreamAsync(StreamIds.Inmate(inmate), asOf: to, ct: ct))
                .Select(e => e.Data switch
                {
                    InmateAdmitted a => (e.Position, Facility: (Guid?)a.FacilityId),
                    InmateTransferred t => (e.Position, Facility: t.ToFacilityId),
                    _ => (e.Position, Facility: null),
                })
                .Where(m => m.Facility is not null).ToList();
            Guid? FacilityAt(long position) => moves.LastOrDefault(m => m.Position < position).Facility ?? moves.FirstOrDefault().Facility;
            var account = new List<ReplayLine>();
            foreach (var e in await store.ReadStreamAsync(StreamIds.WageAccount(inmate), asOf: to, ct: ct))
            {
                if (Posting(e) is not { } line) continue;
                account.Add(line);
                if (FacilityAt(e.Position) == facilityId) history.Add(line);
            }
            accounts[inmate] = account;
        }
        foreach (var item in items)
            foreach (var e in await store.ReadStreamAsync(StreamIds.Item(item), asOf: to, ct: ct))
                if (e.Data is SaleProceedsDistributed s) history.Add(Sale(e, s));
        history.Sort((a, b) => a.RecordedAt != b.RecordedAt ? a.RecordedAt.CompareTo(b.RecordedAt) : a.Position.CompareTo(b.Position));
        var lines = history.Where(l => l.RecordedAt >= from && l.RecordedAt < to).ToList();
        return new FacilityReplay(facilityId, from, to, lines, history, inmates, accounts);
    }

    private static ReplayLine Line(StoredEvent e, DateTimeOffset at, string source, Guid inmate, Guid posting, string description, string currency,
        long s, long v, long f, Guid? sale = null, Guid? item = null, Guid? reversed = null, long? amount = null) =>
        new(e.Position, e.StreamId, e.Version, e.Timestamp, at, e.Actor, source, inmate, posting, sale, item, reversed, description, currency,
            amount ?? s + v + f, s, v, f, null);

    /// <summary>The signed change each wage-account event makes, mapped independently of the read model's projection.</summary>
    internal static ReplayLine? Posting(StoredEvent e) => e.Data switch
    {
        WageCredited w => Line(e, w.CreditedAt, w.Kind == WageKind.Wage ? "wage" : "piece_work", w.InmateId, w.PostingId, w.Description, w.Currency,
            w.SpendableMinor, w.SavingsMinor, w.FamilyMinor, amount: w.AmountMinor),
        ShareOfSaleCredited c => Line(e, c.CreditedAt, "sale_share", c.InmateId, c.PostingId, $"share of sale {c.SaleId:N}", c.Currency,
            c.SpendableMinor, c.SavingsMinor, c.FamilyMinor, c.SaleId, c.ItemId, amount: c.AmountMinor),
        DeductionPosted d => Line(e, d.PostedAt, "deduction", d.InmateId, d.PostingId, d.Reason, d.Currency, -d.AmountMinor, 0, 0),
        FamilyRemittanceSent r => r.From == WageSubAccount.Family
            ? Line(e, r.SentAt, "remittance", r.InmateId, r.PostingId, $"to {r.Recipient}", r.Currency, 0, 0, -r.AmountMinor)
            : Line(e, r.SentAt, "remittance", r.InmateId, r.PostingId, $"to {r.Recipient}", r.Currency, -r.AmountMinor, 0, 0),
        ReleasePayoutMade p => Line(e, p.PaidAt, "payout", p.InmateId, p.PostingId, "paid out at release", p.Currency, -p.SpendableMinor, -p.SavingsMinor, 0),
        PostingReversed r => Line(e, r.ReversedAt, "reversal", r.InmateId, r.PostingId, r.Reason, r.Currency,
            r.SpendableDeltaMinor, r.SavingsDeltaMinor, r.FamilyDeltaMinor, reversed: r.ReversedPostingId),
        _ => null,
    };

    private static ReplayLine Sale(StoredEvent e, SaleProceedsDistributed s) =>
        new(e.Position, e.StreamId, e.Version, e.Timestamp, e.Timestamp, e.Actor, "sale", null, null, s.SaleId, s.ItemId, null,
            $"sale of item {s.ItemId:N}", s.Currency, s.PriceMinor, 0, 0, 0,
            new SaleParts(s.PriceMinor, s.InmateShareMinor, s.WelfareFundMinor, s.MaterialsRecoveryMinor, s.PolicyEffectiveFrom,
                s.Makers.Select(m => new MakerPart(m.InmateId, m.PostingId, m.ShareMinor, m.SpendableMinor, m.SavingsMinor, m.FamilyMinor)).ToList()));
}
