using System.Diagnostics;
using Marten;
using SecondChance.Integrity;
using SecondChance.Integrity.Privacy;
using SecondChance.Projections.OnMarten;
using SecondChance.Projections.ReadModels;

namespace SecondChance.Bench;

/// <summary>
/// The imported history on Marten, every read model rebuilt
/// through Marten's rebuild (<see cref="MartenReadModelRebuilder"/>: one shard into shadow schemas, then the swap),
/// and the queries timed against the swapped-in tables.
/// </summary>
public static class MartenProjectionBench
{
    public static async Task<string> RunAsync(BenchDatabase db, Guid[] facilities, long events, int inmates)
    {
        var connectionString = db.ConnectionString;
        var sw = Stopwatch.StartNew();
        await db.ExecAsync("vacuum analyze sc_events.mt_events");

        var keyring = new SubjectKeyring(db.DataSource);
        // every key in memory, as the Host's KeyringRefresh keeps them: a cold keyring would look each inmate's key up on
        // its own, synchronously, while Marten deserialises. SECONDCHANCE_BENCH_COLD_KEYRING=1 measures that cost: no
        // keys loaded and no read-alone pass (which would load them), as a rebuild in a fresh process had it before
        // the rebuilds loaded the keys first
        var cold = Environment.GetEnvironmentVariable("SECONDCHANCE_BENCH_COLD_KEYRING") == "1";
        if (!cold) await keyring.RefreshAsync();
        var models = new MartenReadModels(db.DataSource, SecondChanceProjections.Create());
        void Configure(StoreOptions o)
        {
            o.Connection(connectionString);
            o.ConfigureSecondChanceEvents(null, keyring);
            models.Register(o);
        }
        await using (var store = DocumentStore.For(Configure))
        {
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            sw.Restart();
            await using var session = store.QuerySession();
            long read = 0;
            for (long after = cold ? long.MaxValue : 0; ;)
            {
                var from = after;
                var page = await session.Events.QueryAllRawEvents().Where(e => e.Sequence > from).OrderBy(e => e.Sequence).Take(5000).ToListAsync();
                if (page.Count == 0) break;
                read += page.Count;
                after = page[^1].Sequence;
            }
            Console.WriteLine(cold ? "reading the log alone: not measured (cold keyring)"
                : $"reading and deserialising the log through Marten alone: {read / sw.Elapsed.TotalSeconds:N0} events/s");
        }
        var readRate = events / sw.Elapsed.TotalSeconds;

        await models.EnsureAsync();
        sw.Restart();
        await models.Rebuilder(Configure).RebuildAllAsync(new Progress<RebuildProgress>(p =>
        {
            if (p.Phase == "building") Console.Write($"\rrebuilding on Marten: position {p.EventsApplied:N0}/{p.EventsInLog:N0}, {p.EventsApplied / Math.Max(p.Elapsed.TotalSeconds, 0.001):N0}/s   ");
        }));
        var rebuild = sw.Elapsed;
        var rate = events / rebuild.TotalSeconds;
        Console.WriteLine($"\rrebuilt {models.Projections.Count} read models on Marten from {events:N0} events in {rebuild.TotalSeconds:F1} s: {rate:N0} events/s (target >= 50,000)");
        await db.ExecAsync("vacuum analyze");

        var queries = new ReadModelQueries(db.DataSource, "sc");
        var today = new DateOnly(2026, 6, 1);
        var rng = new Random(5);
        if ((await queries.Wages.StatementAsync(ProjectionBench.InmateId(1))).Count == 0) throw new InvalidOperationException("statements are empty");
        var dashboard = await ProjectionBench.TimeAsync(400, i => queries.Dashboard.GetAsync(i % 11 == 0 ? null : facilities[rng.Next(facilities.Length)],
            today.AddMonths(-12), today, today));
        var statement = await ProjectionBench.TimeAsync(1000, _ => queries.Wages.StatementAsync(ProjectionBench.InmateId(rng.Next(inmates))));
        var timeline = await ProjectionBench.TimeAsync(1000, _ => queries.Timeline.ForInmateAsync(ProjectionBench.InmateId(rng.Next(inmates))));
        var lines = new[]
        {
            $"Marten, rebuild all {models.Projections.Count} read models: {events:N0} events ({inmates:N0} inmates) in {rebuild.TotalSeconds:F1} s = {rate:N0} events/s",
            $"reading and deserialising the log through Marten alone: {readRate:N0} events/s",
            $"dashboard query (one facility or overall, 12 months, releases due): p50 {dashboard.P50:F2} ms, p95 {dashboard.P95:F2} ms",
            $"wage statement query: p50 {statement.P50:F2} ms, p95 {statement.P95:F2} ms",
            $"inmate timeline query: p50 {timeline.P50:F2} ms, p95 {timeline.P95:F2} ms",
        };
        foreach (var l in lines) Console.WriteLine(l);
        return string.Join("\n", lines.Select(l => "- " + l));
    }
}
