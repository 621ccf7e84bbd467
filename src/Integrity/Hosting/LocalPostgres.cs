using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace SecondChance.Integrity.Hosting;

/// <summary>
/// A private PostgreSQL cluster started from the machine's PostgreSQL binaries when no connection string is
/// configured. It listens on 127.0.0.1 only, on a free port, keeps its data in one folder across runs, and uses a
/// generated password. As root it runs as the <c>postgres</c> user, because initdb refuses root.
/// </summary>
public sealed class LocalPostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _root;
    private readonly bool _startedHere;

    public string DataDirectory => Path.Combine(_root, "data");

    /// <summary>Whether this process started the server (and stops it when disposed), rather than finding it running.</summary>
    public bool StartedHere => _startedHere;
    public string ConnectionString { get; }

    private LocalPostgres(string bin, string root, string connectionString, bool startedHere)
    {
        _bin = bin;
        _root = root;
        ConnectionString = connectionString;
        _startedHere = startedHere;
    }

    /// <summary>The default folder for a purpose such as "dev", "test" or "bench"; SECONDCHANCE_PG_ROOT overrides the parent.</summary>
    public static string DefaultRoot(string purpose)
    {
        var parent = Environment.GetEnvironmentVariable("SECONDCHANCE_PG_ROOT");
        if (string.IsNullOrEmpty(parent))
            parent = Environment.UserName == "root"
                ? "/var/lib/secondchance"
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "secondchance");
        return Path.Combine(parent, $"pg-{purpose}");
    }

    /// <summary>Starts (initialising on first use) or reuses the cluster in <paramref name="root"/>.</summary>
    public static async Task<LocalPostgres> StartAsync(string root, IReadOnlyDictionary<string, string>? settings = null, CancellationToken ct = default)
    {
        var bin = FindBinaries() ?? throw new InvalidOperationException(
            "No PostgreSQL binaries found (looked for SECONDCHANCE_PG_BIN and /usr/lib/postgresql/*/bin). " +
            "Install them with 'apt-get install -y postgresql' or configure ConnectionStrings__SecondChance.");
        Directory.CreateDirectory(root);
        var lockPath = Path.Combine(root, "start.lock");
        // several test processes may start at once: the first initialises and starts, the others reuse
        await using var fileLock = await AcquireFileLock(lockPath, ct);

        var data = Path.Combine(root, "data");
        var passwordFile = Path.Combine(root, "password");
        var runAsPostgres = Environment.UserName == "root";
        if (!File.Exists(Path.Combine(data, "PG_VERSION")))
        {
            if (Directory.Exists(data)) Directory.Delete(data, recursive: true);
            var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
            await File.WriteAllTextAsync(passwordFile, password, ct);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            var pwTemp = Path.Combine(Path.GetTempPath(), $"sc-pw-{Guid.NewGuid():N}");
            await File.WriteAllTextAsync(pwTemp, password, ct);
            try
            {
                Directory.CreateDirectory(data);
                if (runAsPostgres)
                {
                    await Run("chown", ["-R", "postgres:postgres", data], null, ct);
                    await Run("chmod", ["0700", data], null, ct);
                    await Run("chown", ["postgres", pwTemp], null, ct);
                }
                await Run(Path.Combine(bin, "initdb"),
                    ["-D", data, "-U", "postgres", "--auth=scram-sha-256", $"--pwfile={pwTemp}", "-E", "UTF8", "--locale=C.UTF-8"],
                    runAsPostgres ? "postgres" : null, ct);
            }
            finally { File.Delete(pwTemp); }
        }

        var secret = (await File.ReadAllTextAsync(passwordFile, ct)).Trim();
        var portFile = Path.Combine(root, "port");
        if (File.Exists(portFile) && int.TryParse(await File.ReadAllTextAsync(portFile, ct), out var knownPort)
            && await CanConnect(Connection(knownPort, secret), ct))
            return new LocalPostgres(bin, root, Connection(knownPort, secret), startedHere: false);

        var port = FreePort();
        await File.WriteAllTextAsync(portFile, port.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
        var options = new List<string> { $"-p {port}", "-c listen_addresses=127.0.0.1", "-c unix_socket_directories=", "-c max_connections=300" };
        foreach (var (k, v) in settings ?? new Dictionary<string, string>()) options.Add($"-c {k}={v}");
        var log = Path.Combine(root, "postgres.log");
        if (runAsPostgres && !File.Exists(log)) { await File.WriteAllTextAsync(log, "", ct); await Run("chown", ["postgres", log], null, ct); }
        // a stale pid file left by a killed server makes pg_ctl refuse to start
        var pidFile = Path.Combine(data, "postmaster.pid");
        if (File.Exists(pidFile) && !await IsRunning(bin, data, runAsPostgres, ct)) File.Delete(pidFile);
        if (await IsRunning(bin, data, runAsPostgres, ct))
            await Run(Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "fast", "-w", "stop"], runAsPostgres ? "postgres" : null, ct);
        await Run(Path.Combine(bin, "pg_ctl"), ["-D", data, "-l", log, "-w", "-t", "60", "-o", string.Join(' ', options), "start"],
            runAsPostgres ? "postgres" : null, ct);
        return new LocalPostgres(bin, root, Connection(port, secret), startedHere: true);
    }

    /// <summary>Stops the server if this process started it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_startedHere) return;
        NpgsqlConnection.ClearAllPools();
        await Run(Path.Combine(_bin, "pg_ctl"), ["-D", DataDirectory, "-m", "fast", "-w", "stop"],
            Environment.UserName == "root" ? "postgres" : null, CancellationToken.None, throwOnError: false);
    }

    public static string? FindBinaries()
    {
        var configured = Environment.GetEnvironmentVariable("SECONDCHANCE_PG_BIN");
        if (!string.IsNullOrEmpty(configured) && File.Exists(Path.Combine(configured, "initdb"))) return configured;
        const string debian = "/usr/lib/postgresql";
        if (!Directory.Exists(debian)) return null;
        return Directory.GetDirectories(debian)
            .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
            .Where(x => File.Exists(Path.Combine(x.Dir, "initdb")))
            .OrderByDescending(x => x.Version)
            .Select(x => x.Dir)
            .FirstOrDefault();
    }

    private static string Connection(int port, string password) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = port, Username = "postgres", Password = password, Database = "postgres",
        MaxPoolSize = 100,
    }.ConnectionString;

    private static async Task<bool> CanConnect(string connectionString, CancellationToken ct)
    {
        try
        {
            await using var conn = new NpgsqlConnection(connectionString + ";Timeout=3;Pooling=false");
            await conn.OpenAsync(ct);
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException) { return false; }
    }

    private static async Task<bool> IsRunning(string bin, string data, bool asPostgres, CancellationToken ct) =>
        await Run(Path.Combine(bin, "pg_ctl"), ["-D", data, "status"], asPostgres ? "postgres" : null, ct, throwOnError: false) == 0;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<int> Run(string file, IReadOnlyList<string> args, string? asUser, CancellationToken ct, bool throwOnError = true)
    {
        var psi = asUser is null ? new ProcessStartInfo(file) : new ProcessStartInfo("runuser", ["-u", asUser, "--", file]);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.WorkingDirectory = "/";
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = p.StandardOutput.ReadToEndAsync(ct);
        var stderr = p.StandardError.ReadToEndAsync(ct);
        await p.WaitForExitAsync(ct);
        if (throwOnError && p.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', args)} exited with {p.ExitCode}: {await stderr}{await stdout}");
        return p.ExitCode;
    }

    private static async Task<FileStream> AcquireFileLock(string path, CancellationToken ct)
    {
        while (true)
        {
            try { return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); }
            catch (IOException) { await Task.Delay(100, ct); }
        }
    }
}
