using System.Diagnostics;
using System.Text.Json;
using NpgsqlTypes;
using SecondChance.EventStore;

namespace SecondChance.Bench;

/// <summary>
/// Single-event appends with an expected version against the raw baseline: one single-row INSERT per transaction
/// into a table identical to the events table. Rounds alternate so drift in the machine affects both alike.
/// </summary>
public static class AppendBench
{
    public static async Task RunAsync(BenchDatabase db, TimeSpan duration, int? onlyClients = null)
    {
        foreach (var clients in onlyClients is { } n ? [n] : new[] { 1, 16 })
        {
            // warm-up, not counted: both paths run until the JIT has compiled them fully
            await Measure(db, clients, TimeSpan.FromSeconds(3), (c, i, state) => RawInsert(db, c, i));
            await Measure(db, clients, TimeSpan.FromSeconds(3), (c, i, state) => StoreAppend(db, c, i, -1));
            double raw = 0, store = 0;
            long rawWal = 0, storeWal = 0, rawOps = 0, storeOps = 0;
            const int rounds = 4;
            for (var round = 0; round < rounds; round++)
            {
                var (rate, ops, wal) = await Measure(db, clients, duration / (2 * rounds), (c, i, state) => RawInsert(db, c, i));
                (raw, rawOps, rawWal) = (raw + rate, rawOps + ops, rawWal + wal);
                (rate, ops, wal) = await Measure(db, clients, duration / (2 * rounds), (c, i, state) => StoreAppend(db, c, i, round));
                (store, storeOps, storeWal) = (store + rate, storeOps + ops, storeWal + wal);
            }
            raw /= rounds;
            store /= rounds;
            Console.WriteLine($"append, {clients,2} client(s): event store {store,8:F0} appends/s | raw INSERT {raw,8:F0} rows/s | ratio {store / raw:F2} (target >= 0.80)"
                + $" | WAL bytes per append {storeWal / storeOps}, per raw row {rawWal / rawOps}");
        }
    }

    internal static async Task<(double Rate, long Ops, long WalBytes)> Measure(BenchDatabase db, int clients, TimeSpan duration,
        Func<int, int, object?, Task> op)
    {
        var lsn = await WalPosition(db);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var stop = Stopwatch.StartNew();
        var counts = new long[clients];
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            for (var i = 0; stop.Elapsed < duration; i++)
            {
                await op(c, i, null);
                counts[c]++;
            }
        })));
        var elapsed = stop.Elapsed;
        if (Environment.GetEnvironmentVariable("BENCH_CPU") is not null)
            Console.WriteLine($"   client cpu per op {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / counts.Sum():F1} us, wall per op {elapsed.TotalMicroseconds * clients / counts.Sum():F1} us");
        return (counts.Sum() / elapsed.TotalSeconds, counts.Sum(), await WalPosition(db) - lsn);
    }

    private static async Task<long> WalPosition(BenchDatabase db)
    {
        await using var cmd = db.DataSource.CreateCommand("select pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint");
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private static readonly Dictionary<(int, int), long> Versions = new();
    private static readonly JsonSerializerOptions Options = EventTypeRegistry.CreateSerializerOptions();

    private static BenchEvent Sample(int i) => new($"piece work {i}", 15_000 + i, "embroidery, 6 hours");

    private static async Task StoreAppend(BenchDatabase db, int client, int i, int round)
    {
        // each client appends to its own stream, always with the exact expected version
        long version;
        lock (Versions) version = Versions.GetValueOrDefault((client, round));
        await db.Store.AppendAsync(new StreamAppend($"bench-{round}-{client}", "bench", ExpectedVersion.Exactly(version),
            [NewEvent.For(Sample(i))], new EventMetadata { Actor = "bench" }));
        lock (Versions) Versions[(client, round)] = version + 1;
    }

    private static long _rawVersion;

    private static async Task RawInsert(BenchDatabase db, int client, int i)
    {
        await using var cmd = db.DataSource.CreateCommand("""
            insert into sc.raw_events (id, stream_id, version, data, type, timestamp, actor, hash)
            values ($1, $2, $3, $4, 'bench_event.v1', now(), 'bench', $5)
            """);
        cmd.Parameters.Add(new() { Value = Guid.CreateVersion7() });
        cmd.Parameters.Add(new() { Value = $"raw-{client}" });
        cmd.Parameters.Add(new() { Value = Interlocked.Increment(ref _rawVersion) });
        // the same row content the store writes: this event, serialised for this insert
        cmd.Parameters.Add(new() { Value = JsonSerializer.Serialize(Sample(i), Options), NpgsqlDbType = NpgsqlDbType.Jsonb });
        cmd.Parameters.Add(new() { Value = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32) });
        await cmd.ExecuteNonQueryAsync();
    }
}
