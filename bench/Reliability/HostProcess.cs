using System.Diagnostics;

namespace SecondChance.Reliability;

/// <summary>The real Host as a child process, so it can be killed with SIGKILL like a crashed server.</summary>
public sealed class HostProcess(string hostDll, string connectionString, int port) : IAsyncDisposable
{
    private Process? _process;
    public Uri BaseAddress { get; } = new($"http://127.0.0.1:{port}");
    public int Starts { get; private set; }

    /// <summary>More environment for the Host's next starts (settings such as Oversight__SweepSeconds).</summary>
    public Dictionary<string, string> Settings { get; } = new();

    /// <summary>What the Host wrote to standard output and error since it last started.</summary>
    public string Log { get { lock (_log) return _log.ToString(); } }

    private readonly System.Text.StringBuilder _log = new();

    public async Task StartAsync(CancellationToken ct)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(hostDll)! };
        psi.ArgumentList.Add(hostDll);
        psi.ArgumentList.Add("--urls");
        psi.ArgumentList.Add(BaseAddress.ToString());
        psi.Environment["ConnectionStrings__SecondChance"] = connectionString;
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        psi.Environment["SECONDCHANCE_SEED_DEMO"] = "false";
        foreach (var (name, value) in Settings) psi.Environment[name] = value;
        lock (_log) _log.Clear();
        _process = Process.Start(psi)!;
        _process.OutputDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Starts++;
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if ((await http.GetAsync("/health", ct)).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested) { }
            if (_process.HasExited) throw new InvalidOperationException($"The Host exited with {_process.ExitCode} while starting.");
            await Task.Delay(100, ct);
        }
        throw new TimeoutException("The Host did not become healthy within 90 seconds.");
    }

    /// <summary>SIGKILL: no shutdown hooks run, in-flight requests are cut.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false }) _process.Kill(entireProcessTree: true);
        _process?.WaitForExit();
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            using var term = Process.Start("kill", ["-TERM", _process.Id.ToString()]);
            await term!.WaitForExitAsync();
            if (!_process.WaitForExit(20_000)) _process.Kill(true);
        }
    }

    /// <summary>Runs the Host once with a CLI verb (e.g. rebuild) and returns its exit code.</summary>
    public string LastVerbOutput { get; private set; } = "";

    public async Task<int> RunVerbAsync(string[] args, string? stdin = null)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true,
            WorkingDirectory = Path.GetDirectoryName(hostDll)! };
        psi.ArgumentList.Add(hostDll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        // a verb may start the web server too; never on a port someone else uses
        psi.ArgumentList.Add("--urls");
        psi.ArgumentList.Add("http://127.0.0.1:0");
        psi.Environment["ConnectionStrings__SecondChance"] = connectionString;
        psi.Environment["SECONDCHANCE_SEED_DEMO"] = "false";
        using var p = Process.Start(psi)!;
        if (stdin is not null) await p.StandardInput.WriteLineAsync(stdin);
        p.StandardInput.Close();
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        LastVerbOutput = $"{await error}{await output}";
        if (p.ExitCode != 0) Console.Error.WriteLine($"{string.Join(' ', args)} exited {p.ExitCode}: {LastVerbOutput}");
        return p.ExitCode;
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
