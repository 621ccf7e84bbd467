using SecondChance.Domain.Items;
using SecondChance.Domain.Wages;
using SecondChance.Integrity.Events;
using static SecondChance.Projections.ReadModels.Wages.WageAccounts;
using Posting = SecondChance.Projections.ReadModels.Wages.WageProjection.Posting;

namespace SecondChance.Projections.ReadModels.Wages;

internal sealed class WageBatch(ProjectionContext ctx, FacilityCalendar calendar)
{
    public readonly Dictionary<Guid, Guid> Inmates = new(), Items = new();
    public readonly HashSet<Guid> NewInmates = [], NewItems = [];
    public readonly Dictionary<Guid, Posting> Postings = new();
    public readonly List<Posting> NewPostings = [];
    public readonly List<(SaleProceedsDistributed Sale, Guid Facility, long Position, DateTimeOffset At, string Makers)> Sales = [];
    private readonly Dictionary<(Guid, string), (long Debit, long Credit)> _ledger = new();
    private readonly Dictionary<(Guid, DateOnly, string), (long N, long Amount, long S, long V, long F)> _totals = new();

    public Guid FacilityOf(Guid inmate) => Inmates.GetValueOrDefault(inmate);

    public FacilityCalendar Calendar => calendar;

    public static async Task<WageBatch> LoadAsync(ProjectionContext ctx, IReadOnlyList<StoredEvent> events, CancellationToken ct)
    {
        var b = new WageBatch(ctx, await FacilityCalendar.LoadAsync(ctx, ct));
        HashSet<Guid> inmates = [], items = [], reversed = [];
        foreach (var e in events)
        {
            switch (e.Data)
            {
                case WageCredited x: inmates.Add(x.InmateId); break;
                case ShareOfSaleCredited x: inmates.Add(x.InmateId); break;
                case DeductionPosted x: inmates.Add(x.InmateId); break;
                case FamilyRemittanceSent x: inmates.Add(x.InmateId); break;
                case ReleasePayoutMade x: inmates.Add(x.InmateId); break;
                case PostingReversed x: inmates.Add(x.InmateId); reversed.Add(x.ReversedPostingId); break;
                case SaleProceedsDistributed x: items.Add(x.ItemId); break;
            }
        }
        if (inmates.Count > 0)
            await ctx.ReadAsync("select inmate_id, facility_id from {schema}.inmates where inmate_id = any($1)",
                r => b.Inmates[r.GetGuid(0)] = r.GetGuid(1), ct, inmates.ToArray());
        if (items.Count > 0)
            await ctx.ReadAsync("select item_id, facility_id from {schema}.items where item_id = any($1)",
                r => b.Items[r.GetGuid(0)] = r.GetGuid(1), ct, items.ToArray());
        if (reversed.Count > 0)
            await ctx.ReadAsync("""
                select posting_id, inmate_id, position, facility_id, source, reference, description, occurred_at, spendable, savings,
                       family, currency, contra_account from {schema}.postings where posting_id = any($1)
                """, r => b.Postings[r.GetGuid(0)] = new Posting(r.GetGuid(0), r.GetGuid(1), r.GetInt64(2), r.GetGuid(3), r.GetString(4),
                    r.IsDBNull(5) ? null : r.GetGuid(5), r.GetString(6), r.GetFieldValue<DateTimeOffset>(7), r.GetInt64(8), r.GetInt64(9),
                    r.GetInt64(10), r.GetString(11), r.GetString(12)), ct, reversed.ToArray());
        return b;
    }

    /// <summary>Inmate side from the sub-account deltas (credit when they grow), contra side for the net.</summary>
    public void Post(Posting p)
    {
        Postings[p.Id] = p;
        NewPostings.Add(p);
        Side(p.Facility, InmateSpendable, p.Spendable);
        Side(p.Facility, InmateSavings, p.Savings);
        Side(p.Facility, InmateFamily, p.Family);
        var net = p.Spendable + p.Savings + p.Family;
        if (net > 0) Line(p.Facility, p.Contra, net, 0);
        else if (net < 0) Line(p.Facility, p.Contra, 0, -net);
        Total(p.Facility, p.At, p.Source, net, p.Spendable, p.Savings, p.Family);
    }

    private void Side(Guid facility, string account, long delta)
    {
        if (delta > 0) Line(facility, account, 0, delta);
        else if (delta < 0) Line(facility, account, -delta, 0);
    }

    public void Line(Guid facility, string account, long debit, long credit)
    {
        var (d, c) = _ledger.GetValueOrDefault((facility, account));
        _ledger[(facility, account)] = (d + debit, c + credit);
    }

    public void Total(Guid facility, DateTimeOffset at, string source, long amount, long s, long v, long f)
    {
        var key = (facility, calendar.Month(facility, at), source);
        var t = _totals.GetValueOrDefault(key);
        _totals[key] = (t.N + 1, t.Amount + amount, t.S + s, t.V + v, t.F + f);
    }

    public async Task FlushAsync(CancellationToken ct)
    {
        await calendar.FlushAsync(ctx, ct);
        if (NewInmates.Count > 0)
            await ctx.ExecAsync("""
                insert into {schema}.inmates select * from unnest($1::uuid[], $2::uuid[])
                on conflict (inmate_id) do update set facility_id = excluded.facility_id
                """, ct, NewInmates.ToArray(), NewInmates.Select(i => Inmates[i]).ToArray());
        if (NewItems.Count > 0)
            await ctx.ExecAsync("insert into {schema}.items select * from unnest($1::uuid[], $2::uuid[]) on conflict do nothing",
                ct, NewItems.ToArray(), NewItems.Select(i => Items[i]).ToArray());
        var p = NewPostings;
        if (p.Count > 0)
            await ctx.ExecAsync("""
                insert into {schema}.postings select * from unnest($1::uuid[], $2::uuid[], $3::bigint[], $4::uuid[], $5::text[], $6::uuid[],
                    $7::text[], $8::timestamptz[], $9::bigint[], $10::bigint[], $11::bigint[], $12::text[], $13::text[], $14::timestamptz[])
                """, ct, p.Select(x => x.Id).ToArray(), p.Select(x => x.Inmate).ToArray(), p.Select(x => x.Position).ToArray(),
                p.Select(x => x.Facility).ToArray(), p.Select(x => x.Source).ToArray(), p.Select(x => x.Reference).ToArray(),
                p.Select(x => x.Description).ToArray(), p.Select(x => x.At.ToUniversalTime()).ToArray(), p.Select(x => x.Spendable).ToArray(),
                p.Select(x => x.Savings).ToArray(), p.Select(x => x.Family).ToArray(), p.Select(x => x.Currency).ToArray(), p.Select(x => x.Contra).ToArray(),
                p.Select(x => x.RecordedAt.ToUniversalTime()).ToArray());
        var s = Sales;
        if (s.Count > 0)
            await ctx.ExecAsync("""
                insert into {schema}.sales select * from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::bigint[], $5::timestamptz[], $6::bigint[],
                    $7::text[], $8::bigint[], $9::bigint[], $10::bigint[], $11::date[], $12::jsonb[])
                """, ct, s.Select(x => x.Sale.SaleId).ToArray(), s.Select(x => x.Sale.ItemId).ToArray(), s.Select(x => x.Facility).ToArray(),
                s.Select(x => x.Position).ToArray(), s.Select(x => x.At.ToUniversalTime()).ToArray(), s.Select(x => x.Sale.PriceMinor).ToArray(),
                s.Select(x => x.Sale.Currency).ToArray(), s.Select(x => x.Sale.InmateShareMinor).ToArray(), s.Select(x => x.Sale.WelfareFundMinor).ToArray(),
                s.Select(x => x.Sale.MaterialsRecoveryMinor).ToArray(), s.Select(x => x.Sale.PolicyEffectiveFrom).ToArray(), s.Select(x => x.Makers).ToArray());
        if (_ledger.Count > 0)
        {
            var l = _ledger.ToList();
            await ctx.ExecAsync("""
                insert into {schema}.ledger as t select * from unnest($1::uuid[], $2::text[], $3::bigint[], $4::bigint[])
                on conflict (facility_id, account) do update set debit = t.debit + excluded.debit, credit = t.credit + excluded.credit
                """, ct, l.Select(x => x.Key.Item1).ToArray(), l.Select(x => x.Key.Item2).ToArray(),
                l.Select(x => x.Value.Debit).ToArray(), l.Select(x => x.Value.Credit).ToArray());
        }
        if (_totals.Count > 0)
        {
            var t = _totals.ToList();
            await ctx.ExecAsync("""
                insert into {schema}.totals as t select * from unnest($1::uuid[], $2::date[], $3::text[], $4::bigint[], $5::bigint[],
                    $6::bigint[], $7::bigint[], $8::bigint[])
                on conflict (facility_id, month, source) do update set postings = t.postings + excluded.postings,
                    amount = t.amount + excluded.amount, spendable = t.spendable + excluded.spendable,
                    savings = t.savings + excluded.savings, family = t.family + excluded.family
                """, ct, t.Select(x => x.Key.Item1).ToArray(), t.Select(x => x.Key.Item2).ToArray(), t.Select(x => x.Key.Item3).ToArray(),
                t.Select(x => x.Value.N).ToArray(), t.Select(x => x.Value.Amount).ToArray(), t.Select(x => x.Value.S).ToArray(),
                t.Select(x => x.Value.V).ToArray(), t.Select(x => x.Value.F).ToArray());
        }
    }
}
