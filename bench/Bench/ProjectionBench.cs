using System.Diagnostics;
using SecondChance.Domain;
using SecondChance.Domain.Facilities;
using SecondChance.Domain.Inmates;
using SecondChance.Domain.Items;
using SecondChance.Domain.Programmes;
using SecondChance.Domain.Wages;
using JasperFx.Events;
using Marten;
using SecondChance.Integrity;
using SecondChance.Integrity.Privacy;

namespace SecondChance.Bench;

/// <summary>
/// Imports a province-sized history (default 100k inmates, about 1M events) into Marten's event store through its bulk
/// COPY path (hash chain on), from which <see cref="MartenProjectionBench"/> rebuilds every read model and times the queries.
/// </summary>
public static class ProjectionBench
{
    public static async Task<string> RunAsync(BenchDatabase db, int inmates)
    {
        var importing = new Npgsql.NpgsqlConnectionStringBuilder(db.ConnectionString) { CommandTimeout = 0 }.ConnectionString;
        var keyring = new SubjectKeyring(db.DataSource);
        await using var store = DocumentStore.For(o =>
        {
            o.Connection(importing);
            o.ConfigureSecondChanceEvents(null, keyring);
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var sw = Stopwatch.StartNew();
        if (db.Reused)
        {
            // a database kept by an earlier run (SECONDCHANCE_BENCH_KEEP): its history as imported then, the read models rebuilt again
            await using var count = db.DataSource.CreateCommand("select count(*) from sc_events.mt_events");
            var kept = (long)(await count.ExecuteScalarAsync())!;
            Console.WriteLine($"reusing {kept:N0} events imported by an earlier run");
            return await MartenProjectionBench.RunAsync(db, Facilities, kept, inmates);
        }
        var (facilities, events) = await ImportAsync(store, keyring, inmates);
        Console.WriteLine($"imported {events:N0} events for {inmates:N0} inmates into Marten in {sw.Elapsed.TotalSeconds:F1} s");
        return await MartenProjectionBench.RunAsync(db, facilities, events, inmates);
    }

    private static readonly Guid[] Facilities = Enumerable.Range(0, 10).Select(i => new Guid($"f{i:D7}-0000-4000-8000-000000000000")).ToArray();

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

    /// <summary>One new stream as an import writes it: its events, in order, by the bench's user.</summary>
    private sealed record ImportedStream(string StreamId, string Type, IReadOnlyList<object> Events, string Actor);

    private static async Task<long> ImportStreamsAsync(DocumentStore store, SubjectKeyring keyring, IReadOnlyList<ImportedStream> streams)
    {
        // personal fields are encrypted under each person's key, which must exist before Marten serialises the event
        await keyring.EnsureKeysAsync(streams.SelectMany(s => s.Events)
            .SelectMany(e => MartenSetup.PersonalData.TryGetValue(e.GetType(), out var spec)
                ? [(Guid)e.GetType().GetProperty(spec.SubjectProperty)!.GetValue(e)!] : Array.Empty<Guid>()));
        var actions = streams.Select(s =>
        {
            var action = StreamAction.Start(store.Events, s.StreamId, s.Events.ToArray());
            foreach (var e in action.Events) e.UserName = s.Actor;
            return action;
        }).ToList();
        await store.BulkInsertEventsAsync(actions);
        return streams.Sum(s => (long)s.Events.Count);
    }

    private static async Task<(Guid[] Facilities, long Events)> ImportAsync(DocumentStore store, SubjectKeyring keyring, int inmates)
    {
        const string meta = "bench";
        var facilities = Facilities;
        var programmes = facilities.ToDictionary(f => f, f => Guid.NewGuid());
        var head = new List<ImportedStream>();
        var t0 = new DateTimeOffset(2025, 6, 1, 8, 0, 0, TimeSpan.Zero);
        foreach (var f in facilities)
        {
            head.Add(new(StreamIds.Facility(f), "facility", [new FacilityRegistered(f, $"Jail {f:N}", "J", "Asia/Karachi", true),
                new ProceedsPolicyAdopted(f, new DateOnly(2020, 1, 1), 6000, 2500, 1500, 3000, 1000)], meta));
            var p = programmes[f];
            head.Add(new(StreamIds.Programme(p), "programme", [new ProgrammeOpened(p, f, "Embroidery", Craft.Embroidery, ["stitching"],
                1_000_000, Guid.NewGuid(), "Ustad", new DateOnly(2025, 1, 1))], meta));
        }
        long events = await ImportStreamsAsync(store, keyring, head);
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
                    new InmateAdmitted(id, f, $"P-{n}", $"Inmate {n}", $"{10000 + n % 90000:D5}-{n:D7}-1", female ? Sex.Female : Sex.Male,
                        new DateOnly(1990, 1, 1), LegalStatus.Convicted, "Sessions Court", at, n % 2 == 0),
                    new InmateHoused(id, f, Guid.Empty, female ? WardCategory.AdultFemale : WardCategory.AdultMale, null),
                    new MedicalScreeningRecorded(id, at.AddHours(2), "Dr. Saleem", "fit", null),
                    new InmateEnrolled(id, p, at.AddDays(3)),
                    new SkillCertified(id, p, "stitching", "Level 1", "TEVTA", $"C-{n}", at.AddDays(60)),
                    new InmateCompletedProgramme(id, p, at.AddDays(61)),
                    new MentorAssigned(id, mentor, at.AddDays(62)),
                    new MentoringContactRecorded(id, Guid.NewGuid(), mentor, at.AddDays(70), ContactMode.InPerson, ReleasePhase.BeforeRelease, "plan"),
                    new ReleasePlanned(id, new DateOnly(2026, 6, 1).AddDays(n % 365)),
                ], meta));
                var account = new List<object>
                {
                    new WageCredited(id, Guid.NewGuid(), WageKind.Wage, 10_000, 6_000, 3_000, 1_000, Money.Pkr, "shop", at.AddDays(30)),
                };
                if (n % 10 == 0)
                {
                    var item = Guid.NewGuid();
                    var sale = Guid.NewGuid();
                    var posting = Guid.NewGuid();
                    streams.Add(new(StreamIds.Item(item), "item",
                    [
                        new ItemProduced(item, f, p, "Shawl", Craft.Embroidery, [new MakerWork(id, 600)], 5_000, Money.Pkr, at.AddDays(40)),
                        new ItemListed(item, 100_000, Money.Pkr, at.AddDays(41)),
                        new ItemSold(item, sale, 100_000, Money.Pkr, SaleChannel.Exhibition, "expo", at.AddDays(42)),
                        new SaleProceedsDistributed(item, sale, 100_000, Money.Pkr, new DateOnly(2020, 1, 1), 60_000, 25_000, 15_000,
                            [new MakerProceeds(id, 600, 60_000, 36_000, 18_000, 6_000, posting)]),
                    ], meta));
                    account.Add(new ShareOfSaleCredited(id, posting, sale, item, 60_000, 36_000, 18_000, 6_000, Money.Pkr, at.AddDays(42)));
                }
                else account.Add(new DeductionPosted(id, Guid.NewGuid(), 500, Money.Pkr, "canteen", at.AddDays(45)));
                wages.Add(new(StreamIds.WageAccount(id), "wage-account", account, meta));
            }
            streams.AddRange(wages);
            events += await ImportStreamsAsync(store, keyring, streams);
            if (rng.Next(10) == 0) Console.Write($"\rimporting {start + chunk:N0} inmates   ");
        }
        Console.WriteLine();
        return (facilities, events);
    }
}
