using SecondChance.Integrity.Events;
using SecondChance.Domain;
using SecondChance.Domain.Wages;

namespace SecondChance.Application.Audit;

/// <summary>
/// Reconciles a facility's wage and proceeds history for a period. Each check derives the same figure two independent
/// ways (the event data against itself, the replay against the domain's own fold, the log against the read model)
/// and reports every place they differ.
/// </summary>
public sealed class ReconcileFacility(MartenEventLog store, FacilityReplayQuery replays)
{
    public static readonly IReadOnlyDictionary<string, string> CheckDescriptions = new Dictionary<string, string>
    {
        ["sale_parts_add_up"] = "Each sale price equals inmate share + welfare fund + materials recovery; makers' shares add up to the inmate share.",
        ["sale_posted_once"] = "Each distributed sale is credited to exactly its makers, once each, with the amounts of the split; no share credit lacks a sale.",
        ["posting_applied_once"] = "No posting id appears twice.",
        ["savings_part_kept"] = "Every wage or sale credit sets part aside as savings (Nelson Mandela Rule 103) and its parts add up to the amount.",
        ["credits_minus_debits_equal_balances"] = "Per account, credits minus debits equal the balances the domain folds from the stream; no balance is negative.",
        ["read_model_agrees"] = "The wage statement read model holds the same present balances as the event log.",
    };

    public async Task<Reconciliation> ReconcileAsync(Guid facilityId, DateTimeOffset from, DateTimeOffset to,
        Func<Guid, CancellationToken, Task<ReadModelBalance?>>? readModel, CancellationToken ct)
    {
        var replay = await replays.ReplayAsync(facilityId, from, to, ct);
        var found = new List<Discrepancy>();
        var sales = replay.Lines.Where(l => l.Sale is not null).ToList();
        SaleParts(sales, found);
        SalesPostedOnce(replay, sales, found);
        PostingsOnce(replay, found);
        SavingsKept(replay, found);
        var balances = new List<AccountBalance>();
        foreach (var inmate in replay.Inmates)
            balances.Add(await BalanceAsync(inmate, replay, readModel, found, ct));
        var postings = replay.Lines.Where(l => l.Sale is null).ToList();
        return new Reconciliation(facilityId, from, to, sales.Count, sales.Sum(s => s.Sale!.PriceMinor),
            sales.Sum(s => s.Sale!.InmateShareMinor + s.Sale.WelfareFundMinor + s.Sale.MaterialsRecoveryMinor),
            postings.Sum(Credits), postings.Sum(Debits),
            CheckDescriptions.Where(c => readModel is not null || c.Key != "read_model_agrees").Select(c =>
            {
                var failures = found.Count(d => d.Check == c.Key);
                return new ReconciliationCheck(c.Key, c.Value, failures == 0, failures);
            }).ToList(),
            found, balances);
    }

    private static long Credits(ReplayLine l) => Math.Max(l.SpendableMinor, 0) + Math.Max(l.SavingsMinor, 0) + Math.Max(l.FamilyMinor, 0);

    private static long Debits(ReplayLine l) => -Math.Min(l.SpendableMinor, 0) - Math.Min(l.SavingsMinor, 0) - Math.Min(l.FamilyMinor, 0);

    private static void SaleParts(List<ReplayLine> sales, List<Discrepancy> found)
    {
        foreach (var line in sales)
        {
            var s = line.Sale!;
            void Add(string detail) => found.Add(new("sale_parts_add_up", detail, line.SaleId, line.StreamId, line.Version));
            var parts = s.InmateShareMinor + s.WelfareFundMinor + s.MaterialsRecoveryMinor;
            if (parts != s.PriceMinor) Add($"sale {line.SaleId:N}: price {s.PriceMinor} but parts add up to {parts}");
            var makers = s.Makers.Sum(m => m.ShareMinor);
            if (makers != s.InmateShareMinor) Add($"sale {line.SaleId:N}: inmate share {s.InmateShareMinor} but makers' shares add up to {makers}");
            foreach (var m in s.Makers.Where(m => m.SpendableMinor + m.SavingsMinor + m.FamilyMinor != m.ShareMinor))
                Add($"sale {line.SaleId:N}: maker {m.InmateId:N}'s share {m.ShareMinor} is split into {m.SpendableMinor + m.SavingsMinor + m.FamilyMinor}");
        }
    }

    private static void SalesPostedOnce(FacilityReplay replay, List<ReplayLine> sales, List<Discrepancy> found)
    {
        var shares = replay.Accounts.Values.SelectMany(a => a).Where(l => l.Source == "sale_share").ToList();
        var bySale = shares.ToLookup(l => l.SaleId);
        foreach (var line in sales)
        {
            var credited = bySale[line.SaleId].ToList();
            foreach (var m in line.Sale!.Makers)
            {
                var mine = credited.Where(c => c.PostingId == m.PostingId && c.InmateId == m.InmateId).ToList();
                if (mine.Count != 1)
                    found.Add(new("sale_posted_once", $"sale {line.SaleId:N}: maker {m.InmateId:N} credited {mine.Count} times", line.SaleId, line.StreamId, line.Version));
                foreach (var c in mine.Where(c => c.SpendableMinor != m.SpendableMinor || c.SavingsMinor != m.SavingsMinor || c.FamilyMinor != m.FamilyMinor))
                    found.Add(new("sale_posted_once", $"sale {line.SaleId:N}: maker {m.InmateId:N} credited {c.AmountMinor}, the split says {m.ShareMinor}",
                        line.SaleId, c.StreamId, c.Version));
            }
            foreach (var c in credited.Where(c => !line.Sale.Makers.Any(m => m.PostingId == c.PostingId && m.InmateId == c.InmateId)))
                found.Add(new("sale_posted_once", $"sale {line.SaleId:N}: posting {c.PostingId:N} credits someone who is not one of its makers",
                    line.SaleId, c.StreamId, c.Version));
        }
        var known = replay.History.Where(l => l.Sale is not null).Select(l => l.SaleId).ToHashSet();
        foreach (var c in replay.Lines.Where(l => l.Source == "sale_share" && !known.Contains(l.SaleId)))
            found.Add(new("sale_posted_once", $"posting {c.PostingId:N} credits a share of sale {c.SaleId:N}, which was never distributed here",
                c.SaleId, c.StreamId, c.Version));
    }

    private static void PostingsOnce(FacilityReplay replay, List<Discrepancy> found)
    {
        foreach (var g in replay.Accounts.Values.SelectMany(a => a).GroupBy(l => l.PostingId).Where(g => g.Count() > 1))
            foreach (var dup in g.Skip(1))
                found.Add(new("posting_applied_once", $"posting {g.Key:N} appears {g.Count()} times", dup.PostingId, dup.StreamId, dup.Version));
    }

    private static void SavingsKept(FacilityReplay replay, List<Discrepancy> found)
    {
        foreach (var c in replay.Lines.Where(l => l.Source is "wage" or "piece_work" or "sale_share"))
        {
            if (c.AmountMinor > 0 && c.SavingsMinor <= 0)
                found.Add(new("savings_part_kept", $"credit {c.PostingId:N} of {c.AmountMinor} kept nothing as savings", c.InmateId, c.StreamId, c.Version));
            if (c.SpendableMinor + c.SavingsMinor + c.FamilyMinor != c.AmountMinor)
                found.Add(new("savings_part_kept", $"credit {c.PostingId:N} of {c.AmountMinor} is split into {c.SpendableMinor + c.SavingsMinor + c.FamilyMinor}",
                    c.InmateId, c.StreamId, c.Version));
        }
    }

    private async Task<AccountBalance> BalanceAsync(Guid inmate, FacilityReplay replay, Func<Guid, CancellationToken, Task<ReadModelBalance?>>? readModel,
        List<Discrepancy> found, CancellationToken ct)
    {
        var lines = replay.Accounts[inmate];
        var stream = StreamIds.WageAccount(inmate);
        var (s, v, f) = (lines.Sum(l => l.SpendableMinor), lines.Sum(l => l.SavingsMinor), lines.Sum(l => l.FamilyMinor));
        var (folded, _) = await store.AggregateAsync(stream, WageAccountState.Initial, WageAccountState.Evolve, asOf: replay.To, ct: ct);
        if ((s, v, f) != (folded.Spendable, folded.Savings, folded.Family))
            found.Add(new("credits_minus_debits_equal_balances",
                $"account {inmate:N}: credits minus debits give {s}/{v}/{f}, the stream folds to {folded.Spendable}/{folded.Savings}/{folded.Family}", inmate, stream, null));
        long rs = 0, rv = 0, rf = 0;
        foreach (var l in lines)
        {
            (rs, rv, rf) = (rs + l.SpendableMinor, rv + l.SavingsMinor, rf + l.FamilyMinor);
            if (rs < 0 || rv < 0 || rf < 0)
                found.Add(new("credits_minus_debits_equal_balances", $"account {inmate:N} went negative ({rs}/{rv}/{rf})", inmate, l.StreamId, l.Version));
        }
        ReadModelBalance? held = null;
        if (readModel is not null)
        {
            held = await readModel(inmate, ct) ?? new ReadModelBalance(0, 0, 0);
            var (now, _) = await store.AggregateAsync(stream, WageAccountState.Initial, WageAccountState.Evolve, ct: ct);
            if ((held.SpendableMinor, held.SavingsMinor, held.FamilyMinor) != (now.Spendable, now.Savings, now.Family))
                found.Add(new("read_model_agrees",
                    $"account {inmate:N}: the statement read model holds {held.SpendableMinor}/{held.SavingsMinor}/{held.FamilyMinor}, the event log {now.Spendable}/{now.Savings}/{now.Family}",
                    inmate, stream, null));
        }
        return new AccountBalance(inmate, lines.FirstOrDefault()?.Currency ?? Money.Pkr, lines.Sum(Credits), lines.Sum(Debits), s, v, f, held);
    }
}
