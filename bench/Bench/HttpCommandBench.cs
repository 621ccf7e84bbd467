using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Npgsql;

namespace SecondChance.Bench;

/// <summary>
/// HTTP commands against built Hosts, black box: each Host (a SecondChance.Host.dll, say before and after a change) in
/// turn, round after round, on a fresh database of the durable bench cluster: an administrator created with the Host's
/// own verb, a facility and one inmate per client, the first command timed apart (it may pay start-up work), a short
/// warm-up, then every client posts wage credits without If-Match for the given time (to its own inmate, or with
/// --same-stream all to one) and each answer's latency is kept.
/// </summary>
public static class HttpCommandBench
{
    public static async Task RunAsync(string[] hosts, int clients, TimeSpan duration, int rounds, bool sameStream)
    {
        Console.WriteLine($"HTTP commands: {clients} clients, {duration.TotalSeconds:0} s a run, {rounds} rounds, {(sameStream ? "one wage account" : "an account each")}");
        Console.WriteLine($"load average at start: {File.ReadAllText("/proc/loadavg").Trim()}");
        var results = hosts.ToDictionary(h => h, _ => new List<Run>());
        for (var round = 1; round <= rounds; round++)
            foreach (var host in hosts)
            {
                var run = await OneAsync(host, clients, duration, sameStream);
                results[host].Add(run);
                Console.WriteLine($"round {round} {Label(host)}: {run.PerSecond,7:0.0} commands/s, p50 {run.P50,6:0.0} ms, p95 {run.P95,6:0.0} ms, "
                                  + $"p99 {run.P99,6:0.0} ms, {run.Failures} not 2xx, first command {run.FirstMs:0} ms");
            }
        Console.WriteLine($"load average at end: {File.ReadAllText("/proc/loadavg").Trim()}");
        var first = hosts[0];
        foreach (var host in hosts)
        {
            var r = results[host];
            Console.WriteLine($"{Label(host)}: mean {r.Average(x => x.PerSecond):0.0} commands/s (ratio to {Label(first)} "
                              + $"{r.Average(x => x.PerSecond) / results[first].Average(x => x.PerSecond):0.00}), "
                              + $"p50 {r.Average(x => x.P50):0.0} ms, p95 {r.Average(x => x.P95):0.0} ms, first command {r.Average(x => x.FirstMs):0} ms");
        }
    }

    /// <summary>The checkout a Host was built in (the folder holding its src/).</summary>
    private static string Label(string host)
    {
        var parts = Path.GetFullPath(host).Split('/');
        var src = Array.LastIndexOf(parts, "src");
        return src > 0 ? parts[src - 1] : host;
    }

    private sealed record Run(double PerSecond, double P50, double P95, double P99, int Failures, double FirstMs);

    private static async Task<Run> OneAsync(string hostDll, int clients, TimeSpan duration, bool sameStream)
    {
        await using var db = await BenchDatabase.CreateAsync();
        var connection = new NpgsqlConnectionStringBuilder(db.ConnectionString) { MaxAutoPrepare = 0, AutoPrepareMinUsages = 5, MaxPoolSize = 100 }.ConnectionString;
        const string password = "bench-admin-Passw0rd!";
        await VerbAsync(hostDll, connection, password, "create-admin", "--username", "bench");
        var port = FreePort();
        using var host = Start(hostDll, connection, port);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(120) };
            await ReadyAsync(http, host);
            var token = (await (await http.PostAsJsonAsync("/auth/token", new { username = "bench", password })).EnsureSuccessStatusCode()
                .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var facility = await CreatedAsync(http, "/facilities", new { name = "Bench Jail", code = "BJ", timeZoneId = "Asia/Karachi" });
            (await http.PostAsJsonAsync($"/facilities/{facility}/proceeds-policies", new
            {
                effectiveFrom = "2020-01-01", inmateShareBasisPoints = 6000, welfareFundBasisPoints = 3000, materialsRecoveryBasisPoints = 1000,
                savingsRateBasisPoints = 2500,
            })).EnsureSuccessStatusCode();
            var inmates = new List<Guid>();
            for (var i = 0; i < (sameStream ? 1 : clients); i++)
                inmates.Add(await CreatedAsync(http, "/inmates", new
                {
                    facilityId = facility, prisonerNumber = $"B-{i}", fullName = $"Bench Inmate {i}", cnic = "42101-1234567-1", sex = "Male",
                    dateOfBirth = "1990-05-05", legalStatus = "Convicted", committalAuthority = "Sessions Court", admittedAt = DateTimeOffset.UtcNow.AddDays(-30),
                }));
            var clock = Stopwatch.StartNew();
            var firstAnswer = await CreditAsync(http, inmates[0]);
            if (!firstAnswer.IsSuccessStatusCode) throw new InvalidOperationException($"credit: {await firstAnswer.Content.ReadAsStringAsync()}");
            var firstMs = clock.Elapsed.TotalMilliseconds;
            for (var i = 0; i < 20; i++) await CreditAsync(http, inmates[i % inmates.Count]);

            var latencies = new List<double>[clients];
            var failures = 0;
            var until = DateTime.UtcNow + duration;
            await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
            {
                var mine = latencies[c] = [];
                var inmate = inmates[sameStream ? 0 : c];
                while (DateTime.UtcNow < until)
                {
                    var started = Stopwatch.GetTimestamp();
                    using var r = await CreditAsync(http, inmate);
                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (!r.IsSuccessStatusCode) Interlocked.Increment(ref failures);
                }
            }));
            var all = latencies.SelectMany(l => l).Order().ToList();
            double Pct(double p) => all[Math.Min(all.Count - 1, (int)Math.Ceiling(p * all.Count) - 1)];
            return new Run((all.Count - failures) / duration.TotalSeconds, Pct(0.50), Pct(0.95), Pct(0.99), failures, firstMs);
        }
        finally
        {
            if (!host.HasExited) host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
        }
    }

    private static Task<HttpResponseMessage> CreditAsync(HttpClient http, Guid inmate) =>
        http.PostAsJsonAsync($"/inmates/{inmate}/wage-account/credits", new
        {
            postingId = Guid.NewGuid(), kind = "Wage", amountMinor = 1500, currency = "PKR", description = "Bench credit",
            creditedAt = DateTimeOffset.UtcNow.AddMinutes(-1),
        });

    private static async Task<Guid> CreatedAsync(HttpClient http, string path, object body)
    {
        var r = await http.PostAsJsonAsync(path, body);
        if (r.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException($"{path}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task ReadyAsync(HttpClient http, Process host)
    {
        for (var i = 0; i < 1200; i++)
        {
            if (host.HasExited) throw new InvalidOperationException("The Host exited while starting.");
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException("The Host did not become ready.");
    }

    private static Process Start(string hostDll, string connection, int port, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(hostDll))!,
        };
        info.ArgumentList.Add(Path.GetFullPath(hostDll));
        foreach (var a in args) info.ArgumentList.Add(a);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        info.Environment["ConnectionStrings__SecondChance"] = connection;
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["SECONDCHANCE_SEED_DEMO"] = "false";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Security__SignInsPerAddressPerMinute"] = "100000";
        var p = Process.Start(info)!;
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    private static async Task VerbAsync(string hostDll, string connection, string stdin, params string[] args)
    {
        using var p = Start(hostDll, connection, FreePort(), args);
        await p.StandardInput.WriteLineAsync(stdin);
        p.StandardInput.Close();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{string.Join(' ', args)} exited {p.ExitCode}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
