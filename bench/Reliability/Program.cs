using SecondChance.Reliability;

// Build the Host first: dotnet build -c Release src/Host
// Then: dotnet run -c Release --project bench/Reliability -- [--clients 16] [--steady-seconds 20] [--inmates 3000] [--kill-every-ms 1000]
var options = new ReliabilityOptions(
    Clients: Arg("--clients", 16),
    SteadySeconds: Arg("--steady-seconds", 20),
    Inmates: Arg("--inmates", 3000),
    KillEvery: TimeSpan.FromMilliseconds(Arg("--kill-every-ms", 1000)),
    PostgresRestarts: Arg("--pg-restarts", 2));
var result = await ReliabilityRun.RunAsync(options, Console.WriteLine);
return result.Passed ? 0 : 1;

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
}
