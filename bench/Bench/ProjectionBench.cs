using System.Diagnostics;
using SecondChance.Domain;
using SecondChance.Domain.Facilities;
using SecondChance.Domain.Inmates;
using SecondChance.Domain.Items;
using SecondChance.Domain.Programmes;
using SecondChance.Domain.Wages;
using SecondChance.EventStore;
using SecondChance.Projections.Engine;
using SecondChance.Projections.ReadModels;

namespace SecondChance.Bench;

/// <summary>
/// Imports a province-sized history (default 100k inmates, about 1M events), rebuilds every projection from the start
/// of the log, and times the dashboard and wage-statement queries against the result.
/// </summary>
public static class ProjectionBench
{
    public static async Task<string> RunAsync(BenchDatabase db, int inmates, bool marten = false)
    {
        var types = new EventTypeRegistry();
        foreach (var (type, alias) in DomainEventTypes.All) types.Register(type, alias);
        var store = new PgEventStore(db.DataSource, types, new EventStoreOptions { ConnectionString = db.DataSource.ConnectionString });
        var sw = Stopwatch.StartNew();
        var (facilities, events) = await ImportAsync(store, inmates);
        Console.WriteLine($"imported {events:N0} events for {inmates:N0} inmates in {sw.Elapsed.TotalSeconds:F1} s");
        // the app reads its log from Marten: the imported history moves there as an upgraded node's would
        sw.Restart();
        await new SecondChance.Integrity.Moving.OldStoreMove(new Npgsql.NpgsqlConnectionStringBuilder(db.ConnectionString) { CommandTimeout = 0 }.ConnectionString).RunAsync(batchSize: 5000);
        Console.WriteLine($"moved into Marten in {sw.Elapsed.TotalSeconds:F1} s");
        var keyring = new SecondChance.Integrity.Privacy.SubjectKeyring(db.DataSource);
        await using var martenStore = Marten.DocumentStore.For(o =>
        {
            o.Connection(db.ConnectionString);
            SecondChance.Integrity.MartenSetup.ConfigureSecondChanceEvents(o, keyring: keyring);
        });
        var log = new SecondChance.Integrity.Events.MartenEventLog(martenStore, db.DataSource, keyring, "sc");

        var projections = SecondChanceProjections.Create();
        var registry = new ProjectionRegistry(projections);
        var projectionStore = new ProjectionStore(log);
        await projectionStore.EnsureAsync(projections);
        var rebuilder = new ProjectionRebuilder(projectionStore, new LogReader(log), registry);
        await db.ExecAsync("vacuum analyze");
        sw.Restart();
        var reader = new LogReader(log);
        for (var at = GlobalCursor.Start; ;)
        {
            var batch = await reader.ReadAsync(at, 5000, default);
            if (batch.Count == 0) break;
            at = batch[^1].Cursor;
        }
        var readRate = events / sw.Elapsed.TotalSeconds;
        Console.WriteLine($"reading and deserialising the log alone: {readRate:N0} events/s");
        sw.Restart();
        await rebuilder.RebuildAllAsync(new Progress<RebuildProgress>(p =>
        {
            if (p.Phase == "building") Console.Write($"\rrebuilding {p.EventsApplied:N0}/{p.EventsInLog:N0} events, {p.EventsPerSecond:N0} events/s   ");
        }));
        var rebuild = sw.Elapsed;
        var rate = events / rebuild.TotalSeconds;
        Console.WriteLine($"\rrebuilt {projections.Count} projections from {events:N0} events in {rebuild.TotalSeconds:F1} s: {rate:N0} events/s (target >= 50,000)");
        await db.ExecAsync("vacuum analyze");

        if (marten) return await MartenProjectionBench.RunAsync(db, facilities, events, inmates, rate);

        var queries = new ReadModelQueries(db.DataSource, "sc");
        var today = new DateOnly(2026, 6, 1);
        var rng = new Random(5);
        var dashboard = await TimeAsync(400, i => queries.Dashboard.GetAsync(i % 11 == 0 ? null : facilities[rng.Next(facilities.Length)],
            today.AddMonths(-12), today, today));
        var overall = await TimeAsync(100, _ => queries.Dashboard.GetAsync(null, today.AddMonths(-12), today, today));
        if ((await queries.Wages.StatementAsync(InmateId(1))).Count == 0) throw new InvalidOperationException("statements are empty");
        var statement = await TimeAsync(1000, _ => queries.Wages.StatementAsync(InmateId(rng.Next(inmates))));
        var timeline = await TimeAsync(1000, _ => queries.Timeline.ForInmateAsync(InmateId(rng.Next(inmates))));
        var lines = new[]
        {
            $"rebuild all {projections.Count} projections: {events:N0} events ({inmates:N0} inmates) in {rebuild.TotalSeconds:F1} s = {rate:N0} events/s",
            $"reading and deserialising the log alone (one reader): {readRate:N0} events/s",
            $"dashboard query (one facility or overall, 12 months, releases due): p50 {dashboard.P50:F2} ms, p95 {dashboard.P95:F2} ms",
            $"dashboard query, overall only: p50 {overall.P50:F2} ms, p95 {overall.P95:F2} ms",
            $"wage statement query: p50 {statement.P50:F2} ms, p95 {statement.P95:F2} ms",
            $"inmate timeline query: p50 {timeline.P50:F2} ms, p95 {timeline.P95:F2} ms",
        };
        foreach (var l in lines) Console.WriteLine(l);
        return string.Join("\n", lines.Select(l => "- " + l));
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
