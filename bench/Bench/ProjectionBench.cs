using System.Diagnostics;
using SecondChance.Domain;
using SecondChance.Domain.Facilities;
using SecondChance.Domain.Inmates;
using SecondChance.Domain.Items;
using SecondChance.Domain.Programmes;
using SecondChance.Domain.Wages;
using SecondChance.EventStore;

namespace SecondChance.Bench;

/// <summary>
/// Imports a province-sized history (default 100k inmates, about 1M events) into the old store, from which
/// <see cref="MartenProjectionBench"/> moves it into Marten, rebuilds every read model and times the queries.
/// </summary>
public static class ProjectionBench
{
    public static async Task<string> RunAsync(BenchDatabase db, int inmates)
    {
        var types = new EventTypeRegistry();
        foreach (var (type, alias) in DomainEventTypes.All) types.Register(type, alias);
        var store = new PgEventStore(db.DataSource, types, new EventStoreOptions { ConnectionString = db.DataSource.ConnectionString });
        var sw = Stopwatch.StartNew();
        var (facilities, events) = await ImportAsync(store, inmates);
        Console.WriteLine($"imported {events:N0} events for {inmates:N0} inmates in {sw.Elapsed.TotalSeconds:F1} s");
        // the app reads its log from Marten: the imported history moves there as an upgraded node's would, and the
        // read models are rebuilt there
        return await MartenProjectionBench.RunAsync(db, facilities, events, inmates);
    }

    internal static Guid InmateId(int n) => new($"{n:D8}-0000-4000-8000-000000000001");

    internal static async Task<(double P50, double P95)> TimeAsync<T>(int runs, Func<int, Task<T>> query)
    {
        for (var i = 0; i < 20; i++) await query(i);
        var ms = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            await query(i);
            ms.Add(sw.Elapsed.TotalMilliseconds);
        }
        ms.Sort();
        return (ms[runs / 2], ms[(int)(runs * 0.95)]);
    }

    private static async Task<(Guid[] Facilities, long Events)> ImportAsync(PgEventStore store, int inmates)
    {
        var importer = new BulkImporter(store);
        var meta = new EventMetadata { Actor = "bench" };
        var facilities = Enumerable.Range(0, 10).Select(i => new Guid($"f{i:D7}-0000-4000-8000-000000000000")).ToArray();
        var programmes = facilities.ToDictionary(f => f, f => Guid.NewGuid());
        var head = new List<ImportedStream>();
        var t0 = new DateTimeOffset(2025, 6, 1, 8, 0, 0, TimeSpan.Zero);
        foreach (var f in facilities)
        {
            head.Add(new(StreamIds.Facility(f), "facility", [NewEvent.For(new FacilityRegistered(f, $"Jail {f:N}", "J", "Asia/Karachi", true)),
                NewEvent.For(new ProceedsPolicyAdopted(f, new DateOnly(2020, 1, 1), 6000, 2500, 1500, 3000, 1000))], meta));
            var p = programmes[f];
            head.Add(new(StreamIds.Programme(p), "programme", [NewEvent.For(new ProgrammeOpened(p, f, "Embroidery", Craft.Embroidery, ["stitching"],
                1_000_000, Guid.NewGuid(), "Ustad", new DateOnly(2025, 1, 1)))], meta));
        }
        long events = head.Sum(s => s.Events.Count);
        await importer.ImportAsync(head);
        var rng = new Random(1);
        const int chunk = 2000;
        for (var start = 0; start < inmates; start += chunk)
        {
            var streams = new List<ImportedStream>();
            var wages = new List<ImportedStream>();
            for (var n = start; n < Math.Min(inmates, start + chunk); n++)
            {
                var id = InmateId(n);
                var f = facilities[n % facilities.Length];
                var p = programmes[f];
                var at = t0.AddMinutes(n % 500_000);
                var female = n % 7 == 0;
                var mentor = Guid.NewGuid();
                streams.Add(new(StreamIds.Inmate(id), "inmate",
                [
                    NewEvent.For(new InmateAdmitted(id, f, $"P-{n}", $"Inmate {n}", $"{10000 + n % 90000:D5}-{n:D7}-1", female ? Sex.Female : Sex.Male,
                        new DateOnly(1990, 1, 1), LegalStatus.Convicted, "Sessions Court", at, n % 2 == 0)),
                    NewEvent.For(new InmateHoused(id, f, Guid.Empty, female ? WardCategory.AdultFemale : WardCategory.AdultMale, null)),
                    NewEvent.For(new MedicalScreeningRecorded(id, at.AddHours(2), "Dr. Saleem", "fit", null)),
                    NewEvent.For(new InmateEnrolled(id, p, at.AddDays(3))),
                    NewEvent.For(new SkillCertified(id, p, "stitching", "Level 1", "TEVTA", $"C-{n}", at.AddDays(60))),
                    NewEvent.For(new InmateCompletedProgramme(id, p, at.AddDays(61))),
                    NewEvent.For(new MentorAssigned(id, mentor, at.AddDays(62))),
                    NewEvent.For(new MentoringContactRecorded(id, Guid.NewGuid(), mentor, at.AddDays(70), ContactMode.InPerson, ReleasePhase.BeforeRelease, "plan")),
                    NewEvent.For(new ReleasePlanned(id, new DateOnly(2026, 6, 1).AddDays(n % 365))),
                ], meta));
                var account = new List<NewEvent>
                {
                    NewEvent.For(new WageCredited(id, Guid.NewGuid(), WageKind.Wage, 10_000, 6_000, 3_000, 1_000, Money.Pkr, "shop", at.AddDays(30))),
                };
                if (n % 10 == 0)
                {
                    var item = Guid.NewGuid();
                    var sale = Guid.NewGuid();
                    var posting = Guid.NewGuid();
                    streams.Add(new(StreamIds.Item(item), "item",
                    [
                        NewEvent.For(new ItemProduced(item, f, p, "Shawl", Craft.Embroidery, [new MakerWork(id, 600)], 5_000, Money.Pkr, at.AddDays(40))),
                        NewEvent.For(new ItemListed(item, 100_000, Money.Pkr, at.AddDays(41))),
                        NewEvent.For(new ItemSold(item, sale, 100_000, Money.Pkr, SaleChannel.Exhibition, "expo", at.AddDays(42))),
                        NewEvent.For(new SaleProceedsDistributed(item, sale, 100_000, Money.Pkr, new DateOnly(2020, 1, 1), 60_000, 25_000, 15_000,
                            [new MakerProceeds(id, 600, 60_000, 36_000, 18_000, 6_000, posting)])),
                    ], meta));
                    account.Add(NewEvent.For(new ShareOfSaleCredited(id, posting, sale, item, 60_000, 36_000, 18_000, 6_000, Money.Pkr, at.AddDays(42))));
                }
                else account.Add(NewEvent.For(new DeductionPosted(id, Guid.NewGuid(), 500, Money.Pkr, "canteen", at.AddDays(45))));
                wages.Add(new(StreamIds.WageAccount(id), "wage-account", account, meta));
            }
            streams.AddRange(wages);
            events += (await importer.ImportAsync(streams)).Events;
            if (rng.Next(10) == 0) Console.Write($"\rimporting {start + chunk:N0} inmates   ");
        }
        Console.WriteLine();
        return (facilities, events);
    }
}
