using System.Diagnostics;

namespace SecondChance.Bench;

/// <summary>
/// Where an append's server time goes: each path runs alone, then PostgreSQL's own counters say which statements ran
/// per append (pg_stat_statements with track = all, so statements inside functions and triggers too) and how long
/// the PL/pgSQL functions took (pg_stat_user_functions). Needs a cluster started with
/// <c>shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all -c track_functions=pl</c>
/// (see docs/benchmarks.md); the measured runs use a cluster without them.
/// </summary>
public static class MartenProfile
{
    public static async Task RunAsync(BenchDatabase db, TimeSpan perPath, int clients, IReadOnlyList<string> variantSpecs)
    {
        await db.ExecAsync("create extension if not exists pg_stat_statements");
        await using var stores = new MartenStores(db);
        await stores.ForAsync(MartenVariant.Parse("quickts"));
        await AppendPath.CreateRawTableAsync(db, MartenVariant.Parse("quickts").Schema);
        var paths = new List<AppendPath> { AppendPath.Raw(db, explicitTransaction: false) };
        foreach (var spec in variantSpecs)
            paths.Add(spec == "raw-tx"
                ? AppendPath.Raw(db, explicitTransaction: true)
                : AppendPath.Marten(await stores.ForAsync(MartenVariant.Parse(spec)), MartenVariant.Parse(spec), paths.Count));

        foreach (var path in paths)
        {
            await Throughput.Measure(db, clients, TimeSpan.FromSeconds(3), (c, i, _) => path.Append(c, i));
            await db.ExecAsync("select pg_stat_statements_reset(); select pg_stat_reset();");
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var (rate, ops, wal) = await Throughput.Measure(db, clients, perPath, (c, i, _) => path.Append(c, i));
            var clientCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / ops;
            await Task.Delay(600); // statistics reach the shared counters within track_counts' 500 ms flush
            Console.WriteLine($"{path.Name}: {rate:F0}/s at {clients} client(s), {ops} ops, WAL {wal / ops} B/op, client CPU {clientCpu:F0} us/op");
            await PrintStatementsAsync(db, ops);
            await PrintFunctionsAsync(db, ops);
        }
    }

    public static async Task PrintStatementsAsync(BenchDatabase db, long ops, long? minCalls = null)
    {
        await using var cmd = db.DataSource.CreateCommand("""
            select calls, total_exec_time, total_plan_time, toplevel, regexp_replace(left(query, 110), '\s+', ' ', 'g')
              from pg_stat_statements
             where dbid = (select oid from pg_database where datname = current_database()) and calls >= $1
             order by total_exec_time desc limit 14
            """);
        cmd.Parameters.Add(new() { Value = minCalls ?? ops / 4 });
        await using var reader = await cmd.ExecuteReaderAsync();
        Console.WriteLine($"   {"calls/op",8} {"exec us/op",10} {"plan us/op",10}  statement (nested ones indented)");
        while (await reader.ReadAsync())
            Console.WriteLine($"   {reader.GetInt64(0) / (double)ops,8:F2} {reader.GetDouble(1) * 1000 / ops,10:F1} {reader.GetDouble(2) * 1000 / ops,10:F1}  {(reader.GetBoolean(3) ? "" : "  ")}{reader.GetString(4)}");
    }

    public static async Task PrintFunctionsAsync(BenchDatabase db, long ops)
    {
        await using var cmd = db.DataSource.CreateCommand("""
            select schemaname || '.' || funcname, calls, total_time, self_time from pg_stat_user_functions where calls > 0 order by total_time desc
            """);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            Console.WriteLine($"   function {reader.GetString(0)}: {reader.GetInt64(1) / (double)ops:F2} calls/op, total {reader.GetDouble(2) * 1000 / ops:F1} us/op, self {reader.GetDouble(3) * 1000 / ops:F1} us/op");
    }
}
