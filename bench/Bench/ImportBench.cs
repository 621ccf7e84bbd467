using System.Diagnostics;
using System.Text.Json;
using NpgsqlTypes;
using SecondChance.EventStore;

namespace SecondChance.Bench;

/// <summary>Bulk import of historical streams against raw binary COPY of the same rows into an identical table.</summary>
public static class ImportBench
{
    public static async Task RunAsync(BenchDatabase db, int totalEvents)
    {
        const int perStream = 10, batchStreams = 5_000;
        var streams = Enumerable.Range(0, totalEvents / perStream).Select(s => new ImportedStream($"paper-{s}", "bench",
            Enumerable.Range(0, perStream).Select(i => NewEvent.For(new BenchEvent($"piece {i}", 1000 + i, "ledger 2009"))).ToArray(),
            new EventMetadata { Actor = "importer" })).ToArray();
        var options = EventTypeRegistry.CreateSerializerOptions();

        double rawBest = double.MaxValue, storeBest = double.MaxValue;
        for (var round = 0; round < 5; round++)
        {
            await db.ExecAsync("truncate sc.raw_events");
            var sw = Stopwatch.StartNew();
            foreach (var chunk in streams.Chunk(batchStreams))
            {
                await using var conn = await db.DataSource.OpenConnectionAsync();
                await using var copy = await conn.BeginBinaryImportAsync(
                    "copy sc.raw_events (id, stream_id, version, data, type, timestamp, tenant_id, correlation_id, causation_id, actor, headers, hash) from stdin (format binary)");
                var now = DateTimeOffset.UtcNow;
                foreach (var s in chunk)
                {
                    long version = 0;
                    foreach (var e in s.Events)
                    {
                        await copy.StartRowAsync();
                        await copy.WriteAsync(e.EventId, NpgsqlDbType.Uuid);
                        await copy.WriteAsync(s.StreamId, NpgsqlDbType.Text);
                        await copy.WriteAsync(++version, NpgsqlDbType.Bigint);
                        await copy.WriteAsync(JsonSerializer.Serialize(e.Data, e.Data.GetType(), options), NpgsqlDbType.Jsonb);
                        await copy.WriteAsync("bench_event.v1", NpgsqlDbType.Text);
                        await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
                        await copy.WriteAsync("*DEFAULT*", NpgsqlDbType.Text);
                        await copy.WriteNullAsync();
                        await copy.WriteNullAsync();
                        await copy.WriteAsync("importer", NpgsqlDbType.Text);
                        await copy.WriteNullAsync();
                        await copy.WriteAsync(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32), NpgsqlDbType.Bytea);
                    }
                }
                await copy.CompleteAsync();
            }
            rawBest = Math.Min(rawBest, sw.Elapsed.TotalSeconds);

            await db.ExecAsync("truncate sc.events, sc.stream_registry");
            sw.Restart();
            var importer = new BulkImporter(db.Store);
            foreach (var chunk in streams.Chunk(batchStreams)) await importer.ImportAsync(chunk);
            storeBest = Math.Min(storeBest, sw.Elapsed.TotalSeconds);
        }
        var raw = totalEvents / rawBest;
        var store = totalEvents / storeBest;
        Console.WriteLine($"bulk import, {totalEvents} events in {streams.Length} streams: event store {store,8:F0} events/s | raw COPY {raw,8:F0} rows/s | ratio {store / raw:F2} (target >= 0.70)");
    }
}
