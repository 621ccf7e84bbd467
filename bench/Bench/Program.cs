using SecondChance.Bench;

// Release build: dotnet run -c Release --project bench/Bench -- [projections|all] [--inmates N]
//                or -- [marten-append|marten-import|marten-profile] [--seconds N] [--clients N] [--events N] [--variants quickts,quickts/fetch,...] [--profile]
//                or -- http-commands --hosts A.dll,B.dll [--clients 16] [--seconds 10] [--rounds 3] [--same-stream]
// (docs/benchmarks.md, "Marten", "HTTP commands on Wolverine"). The old store's append and import modes went with src/EventStore (commit c5139d3 has them; docs/benchmarks.md).
var mode = args.FirstOrDefault(a => !a.StartsWith("--")) ?? "all";
var seconds = Arg("--seconds", 8);
var importEvents = Arg("--events", 200_000);
var inmates = Arg("--inmates", 100_000);

if (mode is "http-commands")
{
    await HttpCommandBench.RunAsync(Text("--hosts", "src/Host/bin/Release/net10.0/SecondChance.Host.dll").Split(','), Arg("--clients", 16),
        TimeSpan.FromSeconds(Arg("--seconds", 10)), Arg("--rounds", 3), args.Contains("--same-stream"));
    return 0;
}

var profile = mode == "marten-profile" || args.Contains("--profile");
await using var bench = await BenchDatabase.CreateAsync(profile);
Console.WriteLine($"PostgreSQL: {bench.ServerVersion}; {Environment.ProcessorCount} cores; durable settings (fsync on, synchronous_commit on)");
if (mode is "projections" or "all") await ProjectionBench.RunAsync(bench, inmates);
if (mode is "marten-append")
    await MartenAppendBench.RunAsync(bench, TimeSpan.FromSeconds(seconds), args.Contains("--clients") ? Arg("--clients", 1) : null,
        Text("--variants", MartenAppendBench.DefaultVariants).Split(','));
if (mode is "marten-profile")
    await MartenProfile.RunAsync(bench, TimeSpan.FromSeconds(seconds), Arg("--clients", 1), Text("--variants", MartenAppendBench.DefaultVariants).Split(','));
if (mode is "marten-import") await MartenImportBench.RunAsync(bench, importEvents, Text("--variants", MartenImportBench.DefaultVariants).Split(','), profile);
return 0;

string Text(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
}
