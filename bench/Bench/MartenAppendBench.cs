namespace SecondChance.Bench;

/// <summary>
/// Single-event appends through Marten, configured as the app configures it, against the raw single-row INSERT into a
/// table created like Marten's <c>mt_events</c>. Each round runs the raw insert and then every variant in turn, so
/// drift in the machine affects all alike; each ratio is a variant's rate over the raw rate of the same rounds.
/// </summary>
public static class MartenAppendBench
{
    public const string DefaultVariants = "quickts,quickts/fetch";

    public static async Task RunAsync(BenchDatabase db, TimeSpan perPath, int? onlyClients, IReadOnlyList<string> variantSpecs)
    {
        await using var stores = new MartenStores(db);
        await stores.ForAsync(MartenVariant.Parse("quickts"));
        await AppendPath.CreateRawTableAsync(db, MartenVariant.Parse("quickts").Schema);

        var raw = AppendPath.Raw(db, explicitTransaction: false);
        var paths = new List<AppendPath>();
        foreach (var spec in variantSpecs)
            paths.Add(spec == "raw-tx"
                ? AppendPath.Raw(db, explicitTransaction: true)
                : AppendPath.Marten(await stores.ForAsync(MartenVariant.Parse(spec)), MartenVariant.Parse(spec), paths.Count));

        foreach (var clients in onlyClients is { } n ? [n] : new[] { 1, 16 })
        {
            // warm-up, not counted: every path runs until the JIT has compiled it and Marten has built its code
            foreach (var path in paths.Prepend(raw)) await Throughput.Measure(db, clients, TimeSpan.FromSeconds(3), (c, i, _) => path.Append(c, i));

            const int rounds = 4;
            var totals = new Dictionary<AppendPath, Totals>();
            foreach (var path in paths.Prepend(raw)) totals[path] = new Totals();
            for (var round = 0; round < rounds; round++)
                foreach (var path in paths.Prepend(raw))
                {
                    var cpuBefore = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
                    var (rate, ops, wal) = await Throughput.Measure(db, clients, perPath / rounds, (c, i, _) => path.Append(c, i));
                    totals[path].Add(rate / rounds, ops, wal, System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpuBefore);
                }

            var baseline = totals[raw];
            Console.WriteLine($"{clients,2} client(s), {perPath.TotalSeconds:F0} s per path in {rounds} interleaved rounds:");
            Console.WriteLine($"   {"raw INSERT",-34} {baseline.Rate,8:F0} rows/s                  | WAL {baseline.WalPerOp,5} B/op | client CPU {baseline.CpuPerOp,6:F1} us/op");
            foreach (var path in paths)
            {
                var t = totals[path];
                Console.WriteLine($"   {path.Name,-34} {t.Rate,8:F0} appends/s | ratio {t.Rate / baseline.Rate:F2} | WAL {t.WalPerOp,5} B/op | client CPU {t.CpuPerOp,6:F1} us/op");
            }
        }
        Console.WriteLine($"at the end: {await stores.TriggerReportAsync()}");
    }

    private sealed class Totals
    {
        public double Rate { get; private set; }
        private long _ops, _wal;
        private TimeSpan _cpu;

        public void Add(double rate, long ops, long wal, TimeSpan cpu) => (Rate, _ops, _wal, _cpu) = (Rate + rate, _ops + ops, _wal + wal, _cpu + cpu);

        public long WalPerOp => _ops == 0 ? 0 : _wal / _ops;
        public double CpuPerOp => _ops == 0 ? 0 : _cpu.TotalMicroseconds / _ops;
    }
}
