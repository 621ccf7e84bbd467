using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SecondChance.EndToEnd.Tests;

/// <summary>The Host as a real process on a free 127.0.0.1 port, its content root the source folder so wwwroot is served as built.</summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private HostProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }
    public string Log { get { lock (_log) return _log.ToString(); } }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SecondChance.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("SecondChance.sln not found above the test folder.");
    }

    /// <summary>Runs a CLI verb of the Host to completion and returns its output.</summary>
    public static async Task<string> RunVerbAsync(string connectionString, string stdin, params string[] args)
    {
        using var p = Start(connectionString, args);
        await p.StandardInput.WriteLineAsync(stdin);
        p.StandardInput.Close();
        var output = p.StandardOutput.ReadToEndAsync();
        var errors = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0) throw new InvalidOperationException($"'{string.Join(' ', args)}' exited {p.ExitCode}: {await output}{await errors}");
        return await output;
    }

    public sealed record VerbRun(int ExitCode, string Output, string Errors);

    /// <summary>
    /// Runs the Host with <paramref name="args"/> to completion, whatever its exit status, with these environment
    /// variables set (a null value removes one). A run that outlasts two minutes is killed and fails.
    /// </summary>
    public static async Task<VerbRun> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        using var p = Start(null, args, environment);
        p.StandardInput.Close();
        var output = p.StandardOutput.ReadToEndAsync();
        var errors = p.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try { await p.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{string.Join(' ', args)}' did not exit: {await output}{await errors}");
        }
        return new VerbRun(p.ExitCode, await output, await errors);
    }

    /// <param name="environment">More environment variables for this Host (a null value removes one).</param>
    public static async Task<HostProcess> StartAsync(string connectionString, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var port = FreePort();
        var url = new Uri($"http://127.0.0.1:{port}");
        var process = Start(connectionString, ["--urls", url.ToString()], environment);
        var host = new HostProcess(process, url);
        process.OutputDataReceived += (_, e) => { lock (host._log) host._log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (host._log) host._log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = url };
        for (var i = 0; i < 600; i++)
        {
            if (process.HasExited) throw new InvalidOperationException($"The Host exited: {host.Log}");
            try
            {
                if ((await http.GetAsync("/health")).StatusCode == HttpStatusCode.OK) return host;
            }
            catch (HttpRequestException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The Host did not answer /health: {host.Log}");
    }

    private static Process Start(string? connectionString, string[] args, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var root = RepositoryRoot();
        var dll = Path.Combine(AppContext.BaseDirectory, "SecondChance.Host.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = Path.Combine(root, "src", "Host"),
        };
        info.ArgumentList.Add(dll);
        // verbs look at the first argument
        foreach (var a in args) info.ArgumentList.Add(a);
        info.ArgumentList.Add("--contentRoot");
        info.ArgumentList.Add(Path.Combine(root, "src", "Host"));
        if (connectionString is null) info.Environment.Remove("ConnectionStrings__SecondChance");
        else info.Environment["ConnectionStrings__SecondChance"] = connectionString;
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["SECONDCHANCE_SEED_DEMO"] = "false";
        // every browser test signs in through the page, many within a minute: the sign-in rate limits are tested elsewhere
        info.Environment["Security__SignInsPerUsernamePerMinute"] = "1000";
        info.Environment["Security__SignInsPerAddressPerMinute"] = "1000";
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
            if (value is null) info.Environment.Remove(name);
            else info.Environment[name] = value;
        return Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
