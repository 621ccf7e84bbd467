using System.Diagnostics;

namespace SecondChance.Bench;

/// <summary>Runs one operation from many clients for a while and counts what it did: rate, operations, WAL bytes written.</summary>
public static class Throughput
{
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
}
