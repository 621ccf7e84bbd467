using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using SecondChance.Integrity.Hosting;

namespace SecondChance.Reliability;

/// <summary>
/// <paramref name="AdminConnectionString"/>: a server where a scratch database may be created; null means the local bench
/// cluster, which is also the one restarted when <paramref name="PostgresRestarts"/> is above zero.
/// </summary>
public sealed record ReliabilityOptions(int Clients, int SteadySeconds, int Inmates, TimeSpan KillEvery, int PostgresRestarts,
    string? AdminConnectionString = null, string? HostDll = null, string? PostgresRoot = null);

public sealed record ReliabilityResult(bool Passed, int Kills, long Acknowledged, long Stored, long Duplicates, IReadOnlyList<string> DifferingTables,
    long ServiceUnavailableWithRetryAfter, double SteadyCommandsPerSecond, double SteadyP99Ms);

/// <summary>
/// Runs the real Host as a child process under load from clients that retry with Idempotency-Keys, kills it with
/// SIGKILL again and again, restarts PostgreSQL, then checks that every acknowledged command is stored exactly once
/// and that the read models equal a rebuild from scratch.
/// </summary>
public static class ReliabilityRun
{
    public static async Task<ReliabilityResult> RunAsync(ReliabilityOptions o, Action<string> log)
    {
        var clients = o.Clients;
        var steadySeconds = o.SteadySeconds;
        var inmates = o.Inmates;
        var killEvery = o.KillEvery;
        var root = FindRoot();
        var hostDll = o.HostDll ?? Path.Combine(root, "src/Host/bin/Release/net10.0/SecondChance.Host.dll");
        if (!File.Exists(hostDll)) throw new FileNotFoundException($"Build the Host first: dotnet build -c Release src/Host ({hostDll} missing)");
        var pgRoot = o.PostgresRoot ?? LocalPostgres.DefaultRoot("bench");
        var configured = o.AdminConnectionString ?? Environment.GetEnvironmentVariable("SECONDCHANCE_BENCH_CONNECTION");
        // a cluster started here is stopped when the run ends
        await using var local = configured is null ? await LocalPostgres.StartAsync(pgRoot) : null;
        var admin = configured ?? local!.ConnectionString;
        var dbName = $"reliability_{Guid.NewGuid():N}";
        await Exec(admin, $"create database {dbName}");
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = dbName }.ConnectionString;
        var port = FreePort();
        await using var host = new HostProcess(hostDll, connectionString, port);
        await host.StartAsync(default);
        var auth = new Auth(host);
        var api = new HttpClient { BaseAddress = host.BaseAddress };
        var facility = await Setup(api, auth);

        log($"Host on {host.BaseAddress}; {clients} clients; {Environment.ProcessorCount} cores");

        // 1. steady load, no faults: what the system holds
        var steady = new Outcomes();
        double steadyRate = 0;
        var steadyCommands = Commands(facility, "steady", 40_000);
        using (var window = new CancellationTokenSource(TimeSpan.FromSeconds(steadySeconds)))
        {
            var sw = Stopwatch.StartNew();
            var load = new Workload(host.BaseAddress, auth.TokenAsync, steady);
            try { await load.RunAsync(steadyCommands, clients, window.Token); } catch (OperationCanceledException) { }
            steadyRate = steady.Acknowledged / sw.Elapsed.TotalSeconds;
            log($"steady: {steady.Acknowledged / sw.Elapsed.TotalSeconds:F0} commands/s acknowledged, p50 {Workload.Percentile(steady.LatenciesMs, 0.5):F1} ms, " +
                              $"p99 {Workload.Percentile(steady.LatenciesMs, 0.99):F1} ms, over {sw.Elapsed.TotalSeconds:F0} s");
        }

        // 2. SIGKILL the Host repeatedly while clients retry what was not acknowledged
        var killed = new Outcomes();
        var kills = 0;
        var killPhase = Commands(facility, "kill", inmates);
        using (var done = new CancellationTokenSource())
        {
            var load = new Workload(host.BaseAddress, auth.TokenAsync, killed).RunAsync(killPhase, clients, CancellationToken.None)
                .ContinueWith(_ => done.Cancel());
            while (!done.IsCancellationRequested)
            {
                try { await Task.Delay(killEvery, done.Token); } catch (OperationCanceledException) { break; }
                host.Kill();
                kills++;
                await host.StartAsync(default);
            }
            await load;
        }
        log($"kill: {kills} SIGKILLs, {killed.Acknowledged} of {killPhase.Count} commands acknowledged, {killed.Retries} retries, " +
                          $"{killed.ConnectionFailures} dropped connections, {killed.Unexpected.Count} unexpected answers");

        // 3. restart PostgreSQL under load: in-flight requests fail with 503 and Retry-After, the Host recovers by itself
        var restarted = new Outcomes();
        var restartPhase = Commands(facility, "pgrestart", inmates);
        var restarts = 0;
        using (var done = new CancellationTokenSource())
        {
            var load = new Workload(host.BaseAddress, auth.TokenAsync, restarted).RunAsync(restartPhase, clients, CancellationToken.None)
                .ContinueWith(_ => done.Cancel());
            for (var i = 0; i < o.PostgresRestarts && !done.IsCancellationRequested; i++)
            {
                try { await Task.Delay(1000, done.Token); } catch (OperationCanceledException) { break; }
                await RestartPostgres(pgRoot);
                NpgsqlConnection.ClearAllPools();
                restarts++;
            }
            await load;
        }
        log($"postgres restart: {restarts} restarts, {restarted.Acknowledged} of {restartPhase.Count} acknowledged, " +
                          $"{restarted.ServiceUnavailableWithRetryAfter} x 503 with Retry-After, {restarted.ServiceUnavailableWithoutRetryAfter} x 503 without, " +
                          $"{restarted.ServerErrors} other 5xx, {restarted.ConnectionFailures} dropped connections, Host process starts: {host.Starts}");

        // 4. every acknowledged command stored exactly once, nothing duplicated
        var duplicates = await Scalar(connectionString, """
            select count(*) from (select stream_id, type from sc_events.mt_events where stream_id like 'inmate-%' group by stream_id, type having count(*) > 1) d
            """);
        var killAdmitted = await Scalar(connectionString, $"select count(*) from sc_events.mt_events where type = 'inmate_admitted.v1' and data->>'prisonerNumber' like 'KILL-%'");
        var killScreened = await Scalar(connectionString, $"""
            select count(*) from sc_events.mt_events e where e.type = 'medical_screening_recorded.v1'
               and e.stream_id in (select stream_id from sc_events.mt_events where type = 'inmate_admitted.v1' and data->>'prisonerNumber' like 'KILL-%')
            """);
        log($"stored: kill phase {killAdmitted} admissions and {killScreened} screenings for {inmates} inmates; streams with a duplicated event type: {duplicates}");

        // 5. the projections equal a rebuild from scratch
        await WaitForProjections(connectionString);
        var live = await ReadModelDigest(connectionString);
        await host.StopAsync();
        var rebuildExit = await host.RunVerbAsync(["rebuild"]);
        if (rebuildExit != 0) log($"rebuild failed: {host.LastVerbOutput[..Math.Min(3000, host.LastVerbOutput.Length)]}");
        var rebuilt = await ReadModelDigest(connectionString);
        var differing = live.Where(kv => rebuilt.GetValueOrDefault(kv.Key) != kv.Value).Select(kv => kv.Key).ToList();
        log($"projections: {live.Count} read-model tables compared with a rebuild (exit {rebuildExit}); differing: {(differing.Count == 0 ? "none" : string.Join(", ", differing))}");

        var ok = killAdmitted == inmates && killScreened == inmates && duplicates == 0 && differing.Count == 0 && rebuildExit == 0
                 && killed.Unexpected.IsEmpty && restarted.Unexpected.IsEmpty && steady.Unexpected.IsEmpty
                 && restarted.Acknowledged == restartPhase.Count && restarted.ServiceUnavailableWithoutRetryAfter == 0;
        foreach (var u in killed.Unexpected.Concat(restarted.Unexpected).Concat(steady.Unexpected).Take(10)) log($"unexpected: {u}");
        log(ok ? "RESULT: every acknowledged command stored exactly once; projections equal a rebuild" : "RESULT: FAILED");
        NpgsqlConnection.ClearAllPools();
        await Exec(admin, $"drop database if exists {dbName} with (force)");
        return new ReliabilityResult(ok, kills, killed.Acknowledged, killAdmitted + killScreened, duplicates, differing,
            restarted.ServiceUnavailableWithRetryAfter, steadyRate, Workload.Percentile(steady.LatenciesMs, 0.99));
    }

    private static List<Command> Commands(Guid facility, string tag, int count)
    {
        var list = new List<Command>(count * 2);
        for (var i = 0; i < count; i++)
        {
            // ids derived from the tag and index, so the same command always carries the same ids
            var inmate = new Guid(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes($"{tag}-{i}")));
            list.Add(new($"{tag}-admit-{i}", "/inmates", JsonSerializer.Serialize(new
            {
                inmateId = inmate, facilityId = facility, prisonerNumber = $"{tag.ToUpperInvariant()}-{i}", fullName = "Load Test Person",
                cnic = "42101-1234567-1", sex = "Male", dateOfBirth = "1990-05-05", legalStatus = "Convicted",
                committalAuthority = "Sessions Court", admittedAt = "2026-01-10T10:00:00+05:00",
            })));
            list.Add(new($"{tag}-screen-{i}", $"/inmates/{inmate}/medical-screenings", JsonSerializer.Serialize(new
            {
                screenedAt = "2026-01-10T12:00:00+05:00", screenedBy = "Dr Load", summary = "fit",
            })));
        }
        // admissions before their screenings, interleaved so clients work on different inmates
        return list.OrderBy(c => c.Key.Contains("-screen-") ? 1 : 0).ToList();
    }

    private static async Task<Guid> Setup(HttpClient api, Auth auth)
    {
        if (await auth.TokenAsync() is { } token) api.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var r = await api.PostAsJsonAsync("/facilities", new { name = "Load Test Jail", code = "LTJ", timeZoneId = "Asia/Karachi" });
        r.EnsureSuccessStatusCode();
        return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task RestartPostgres(string pgRoot)
    {
        var bin = LocalPostgres.FindBinaries()!;
        var args = new[] { Path.Combine(bin, "pg_ctl"), "-D", Path.Combine(pgRoot, "data"), "-m", "fast", "-w", "restart" };
        var psi = Environment.UserName == "root" ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", .. args]) : new ProcessStartInfo(args[0], args[1..]);
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        using var p = Process.Start(psi)!;
        await p.WaitForExitAsync();
    }

    public static async Task WaitForProjections(string cs)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            // the read models run on Marten's daemon: each one's progression at the log head
            var behind = await Scalar(cs, """
                select count(*) from sc_events.sc_read_models m
                  left join sc_events.mt_event_progression p on p.name = m.name || ':All'
                 where coalesce(p.last_seq_id, 0) < (select coalesce(max(seq_id), 0) from sc_events.mt_events)
                """);
            if (behind == 0) return;
            await Task.Delay(200);
        }
        throw new TimeoutException("Projections did not catch up within two minutes.");
    }

    public static async Task<Dictionary<string, string>> ReadModelDigest(string cs)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        var tables = new List<string>();
        await using (var cmd = new NpgsqlCommand("select format('%I.%I', schemaname, tablename) from pg_tables where schemaname like 'sc\\_%' and schemaname not in ('sc_events', 'sc_messages') and tablename <> 'schema_migrations' order by 1", conn))
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync()) tables.Add(r.GetString(0));
        var digest = new Dictionary<string, string>();
        foreach (var t in tables)
        {
            await using var cmd = new NpgsqlCommand($"select coalesce(md5(string_agg(x::text, '|' order by x::text)), '') from {t} x", conn);
            digest[t] = (string)(await cmd.ExecuteScalarAsync())!;
        }
        return digest;
    }

    private static async Task<long> Scalar(string cs, string sql)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    private static async Task Exec(string cs, string sql)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private static int FreePort()
    {
        using var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        return ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SecondChance.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Run from inside the repository.");
    }
}
