using SecondChance.Domain.Inmates;
using SecondChance.Domain.Programmes;
using SecondChance.Domain.Wages;

namespace SecondChance.Projections.Tests;

/// <summary>A seeded random mix of admissions, programmes, items, sales, wages, deductions, remittances, reversals and releases.</summary>
public static class Workload
{
    public static async Task RunAsync(World w, int commands, int seed, int facilities = 2)
    {
        var rng = new Random(seed);
        var sites = new List<(Guid Facility, Guid Programme)>();
        for (var f = 0; f < facilities; f++)
        {
            var facility = await w.RegisterFacilityAsync($"Jail {f}");
            sites.Add((facility, await w.OpenProgrammeAsync(facility, (Craft)(f % 6))));
        }
        var inmates = new List<Guid>();
        var items = new List<Guid>();
        for (var i = 0; i < commands; i++)
        {
            var (facility, programme) = sites[rng.Next(sites.Count)];
            var held = inmates.Where(x => w.Inmates[x].FacilityId == facility && w.Inmates[x].Status == InmateStatus.Admitted).ToList();
            var someone = held.Count > 0 ? held[rng.Next(held.Count)] : Guid.Empty;
            var anyone = inmates.Count > 0 ? inmates[rng.Next(inmates.Count)] : Guid.Empty;
            switch (held.Count < 3 ? 0 : rng.Next(12))
            {
                case 0: inmates.Add(await w.AdmitAsync(facility, rng.Next(3) == 0 ? Sex.Female : Sex.Male, consent: rng.Next(2) == 0)); break;
                case 1: await w.EnrolAsync(someone, programme); break;
                case 2: await w.CompleteAsync(someone, programme); break;
                case 3: await w.CertifyAsync(someone, programme); break;
                case 4:
                    var makers = held.OrderBy(_ => rng.Next()).Take(rng.Next(1, 3))
                        .Where(m => w.Inmates[m].EnrolmentIn(programme) is EnrolmentStatus.Active or EnrolmentStatus.Completed).ToArray();
                    if (makers.Length > 0) items.Add(await w.ProduceAsync(facility, programme, makers));
                    break;
                case 5 when items.Count > 0: await w.ListAsync(items[rng.Next(items.Count)], rng.Next(1, 50) * 10_000L + rng.Next(100)); break;
                case 6 when items.Count > 0:
                    var item = items[rng.Next(items.Count)];
                    if (w.Items[item].Status == Domain.Items.ItemStatus.Listed) await w.SellAsync(item, w.Items[item].PriceMinor);
                    break;
                case 7: await w.CreditWageAsync(someone, rng.Next(1, 20_000)); break;
                case 8 when anyone != Guid.Empty: await w.DeductAsync(anyone, rng.Next(1, 5_000)); break;
                case 9 when anyone != Guid.Empty:
                    await w.RemitAsync(anyone, rng.Next(1, 3_000), rng.Next(2) == 0 ? WageSubAccount.Family : WageSubAccount.Spendable);
                    break;
                case 10 when anyone != Guid.Empty && w.Accounts.TryGetValue(anyone, out var account) && account.Postings.Count > 0:
                    await w.ReverseAsync(anyone, account.Postings.Keys.ElementAt(rng.Next(account.Postings.Count)));
                    break;
                case 11:
                    if (rng.Next(2) == 0) await w.ReleaseAsync(someone);
                    else if (anyone != Guid.Empty && w.Inmates[anyone].Status == InmateStatus.Released) await w.PayOutAsync(anyone);
                    break;
            }
        }
    }
}
