using System.Diagnostics;
using System.Text.Json;
using JasperFx.Events;
using Marten;
using NpgsqlTypes;
using SecondChance.Integrity.Events;
using SecondChance.Integrity.HashChain;

namespace SecondChance.Bench;

/// <summary>
/// Bulk import of new streams through Marten's own COPY path (<see cref="DocumentStore.BulkInsertEventsAsync(IReadOnlyList{StreamAction}, int, CancellationToken)"/>)
/// with the hash-chain trigger on, against raw binary COPY of the same rows into a table created like <c>mt_events</c>.
/// A variant is tokens joined by '/': <c>nochain</c>, <c>b&lt;N&gt;</c> events per COPY (Marten's batchSize, default
/// 1000), <c>c&lt;N&gt;</c> streams per call (one transaction each; default all), <c>p&lt;N&gt;</c> calls at once.
/// </summary>
public static class MartenImportBench
{
    public const string DefaultVariants = "app,nochain";
    private const int PerStream = 10, RawChunkStreams = 5_000, Rounds = 5;

    private sealed record ImportVariant(string Name, bool Chain, int BatchSize, int? StreamsPerCall, int Parallel)
    {
        public static ImportVariant Parse(string spec)
        {
            var tokens = spec.Split('/', StringSplitOptions.RemoveEmptyEntries);
            int? Number(char prefix) => tokens.FirstOrDefault(t => t.Length > 1 && t[0] == prefix && char.IsDigit(t[1])) is { } t ? int.Parse(t[1..]) : null;
            if (tokens.FirstOrDefault(t => t != "app" && t != "nochain" && !(t.Length > 1 && "bcp".Contains(t[0]) && t[1..].All(char.IsDigit))) is { } bad)
                throw new ArgumentException($"unknown token '{bad}' in import variant '{spec}'");
            return new ImportVariant(spec, !tokens.Contains("nochain"), Number('b') ?? 1000, Number('c'), Number('p') ?? 1);
        }
    }

    public static async Task RunAsync(BenchDatabase db, int totalEvents, IReadOnlyList<string> variantSpecs, bool profile = false)
    {
        var streamCount = totalEvents / PerStream;
        var data = Enumerable.Range(0, streamCount)
            .Select(s => Enumerable.Range(0, PerStream).Select(i => new BenchEvent($"piece {i}", 1000 + i, "ledger 2009")).ToArray())
            .ToArray();
        var json = EventJson.CreateSerializerOptions();

        if (profile) await db.ExecAsync("create extension if not exists pg_stat_statements");
        await using var stores = new MartenStores(db);
        var variants = variantSpecs.Select(ImportVariant.Parse).ToList();
        var targets = new List<(ImportVariant Variant, DocumentStore Store, string Schema)>();
        foreach (var v in variants)
        {
            var martenVariant = MartenVariant.Parse(v.Chain ? "quickts" : "quickts/nochain");
            targets.Add((v, await stores.ForAsync(martenVariant), martenVariant.Schema));
        }
        await db.ExecAsync($"create schema if not exists bench_raw; create table bench_raw.raw_import (like {targets[0].Schema}.mt_events including all)");

        var rawBest = double.MaxValue;
        var best = variants.ToDictionary(v => v, _ => double.MaxValue);
        for (var round = 0; round < Rounds; round++)
        {
            await db.ExecAsync("truncate bench_raw.raw_import");
            var sw = Stopwatch.StartNew();
            long seq = 0;
            foreach (var chunk in data.Select((events, s) => (events, s)).Chunk(RawChunkStreams))
            {
                await using var conn = await db.DataSource.OpenConnectionAsync();
                await using var copy = await conn.BeginBinaryImportAsync("""
                    copy bench_raw.raw_import (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type,
                      is_archived, correlation_id, causation_id, headers, user_name) from stdin (format binary)
                    """);
                var now = DateTimeOffset.UtcNow;
                foreach (var (events, s) in chunk)
                    for (var v = 0; v < events.Length; v++)
                    {
                        await copy.StartRowAsync();
                        await copy.WriteAsync(++seq, NpgsqlDbType.Bigint);
                        await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                        await copy.WriteAsync($"paper-{s}", NpgsqlDbType.Varchar);
                        await copy.WriteAsync((long)v + 1, NpgsqlDbType.Bigint);
                        await copy.WriteAsync(JsonSerializer.Serialize(events[v], json), NpgsqlDbType.Jsonb);
                        await copy.WriteAsync(MartenStores.BenchAlias, NpgsqlDbType.Varchar);
                        await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
                        await copy.WriteAsync("*DEFAULT*", NpgsqlDbType.Varchar);
                        await copy.WriteAsync("SecondChance.Bench.BenchEvent, SecondChance.Bench", NpgsqlDbType.Varchar);
                        await copy.WriteAsync(false, NpgsqlDbType.Boolean);
                        await copy.WriteNullAsync();
                        await copy.WriteNullAsync();
                        await copy.WriteNullAsync();
                        await copy.WriteAsync("importer", NpgsqlDbType.Varchar);
                    }
                await copy.CompleteAsync();
            }
            rawBest = Math.Min(rawBest, sw.Elapsed.TotalSeconds);

            foreach (var (variant, store, schema) in targets)
            {
                await db.ExecAsync($"truncate {schema}.mt_events, {schema}.mt_streams, {schema}.{HashChainSchema.LinksTable}");
                var streams = data.Select((events, s) =>
                {
                    var action = StreamAction.Start(store.Events, $"paper-{s}", events.Cast<object>().ToArray());
                    foreach (var e in action.Events) e.UserName = "importer";
                    return action;
                }).ToArray();
                if (profile) await db.ExecAsync("select pg_stat_statements_reset(); select pg_stat_reset();");
                sw.Restart();
                var calls = streams.Chunk(variant.StreamsPerCall ?? streams.Length).ToList();
                await Parallel.ForEachAsync(calls, new ParallelOptions { MaxDegreeOfParallelism = variant.Parallel },
                    async (call, ct) => await store.BulkInsertEventsAsync(call, variant.BatchSize, ct));
                best[variant] = Math.Min(best[variant], sw.Elapsed.TotalSeconds);
                if (profile && round == Rounds - 1)
                {
                    await Task.Delay(600);
                    Console.WriteLine($"{variant.Name}, last round {sw.Elapsed.TotalSeconds:F2} s; per event:");
                    await MartenProfile.PrintStatementsAsync(db, totalEvents, minCalls: 1);
                    await MartenProfile.PrintFunctionsAsync(db, totalEvents);
                }
            }
        }

        var raw = totalEvents / rawBest;
        Console.WriteLine($"bulk import, {totalEvents} events in {streamCount} streams, best of {Rounds} rounds: raw COPY {raw,8:F0} rows/s");
        foreach (var variant in variants)
        {
            var rate = totalEvents / best[variant];
            Console.WriteLine($"   {variant.Name,-24} {rate,8:F0} events/s | ratio {rate / raw:F2} (target >= 0.70)");
        }
        Console.WriteLine($"   at the end: {await stores.TriggerReportAsync()}");
        foreach (var (_, _, schema) in targets.Where(t => t.Variant.Chain).Take(1))
        {
            await using var check = db.DataSource.CreateCommand($"select count(*) from {schema}.{HashChainSchema.LinksTable}");
            Console.WriteLine($"   links written in the last chained round: {await check.ExecuteScalarAsync()}");
        }
    }
}
