using System.Diagnostics;
using System.Text.RegularExpressions;
using Npgsql;

namespace SecondChance.Integrity.Tests;

/// <summary>
/// The bash blocks of docs/tamper-evidence.md's recipe, run as written with bash, psql and sha256sum in a folder that
/// holds <c>checkpoint.json</c>. Each block's first line names its step: <c># A.</c> … <c># E.</c>
/// </summary>
public sealed partial class AuditorRecipe : IDisposable
{
    private static readonly Lazy<IReadOnlyDictionary<char, string>> Blocks = new(ReadBlocks);
    private readonly string _folder = Directory.CreateTempSubdirectory("sc-recipe-").FullName;
    private readonly string _connectionString;

    public AuditorRecipe(string connectionString, byte[] checkpointFile)
    {
        _connectionString = connectionString;
        File.WriteAllBytes(Path.Combine(_folder, "checkpoint.json"), checkpointFile);
    }

    public sealed record Run(int ExitCode, string Output, string Errors)
    {
        public override string ToString() => $"exit {ExitCode}\n{Output}\n{Errors}";
    }

    public static IReadOnlyCollection<char> Steps => Blocks.Value.Keys.ToList();

    public async Task<Run> RunAsync(char step, string? stream = null, long? version = null)
    {
        var connection = new NpgsqlConnectionStringBuilder(_connectionString);
        var start = new ProcessStartInfo("bash") { WorkingDirectory = _folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Blocks.Value[step]);
        start.Environment["PGHOST"] = connection.Host;
        start.Environment["PGPORT"] = connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGDATABASE"] = connection.Database;
        start.Environment["PGUSER"] = connection.Username;
        start.Environment["PGPASSWORD"] = connection.Password;
        start.Environment["PATH"] = string.Join(':', PostgresBinaries().Append(Environment.GetEnvironmentVariable("PATH")));
        if (stream is not null) start.Environment["stream"] = stream;
        if (version is not null) start.Environment["version"] = version.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new Run(process.ExitCode, await output, await errors);
    }

    /// <summary>Where psql is when it is not on the PATH: beside the server binaries the test cluster runs from.</summary>
    private static IEnumerable<string> PostgresBinaries() => Directory.Exists("/usr/lib/postgresql")
        ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin"))
        : [];

    private static IReadOnlyDictionary<char, string> ReadBlocks()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "SecondChance.sln"))) folder = folder.Parent;
        var doc = File.ReadAllText(Path.Combine(folder?.FullName ?? throw new InvalidOperationException("No SecondChance.sln above the tests."),
            "docs", "tamper-evidence.md"));
        return BashBlock().Matches(doc).ToDictionary(m => m.Groups["step"].Value[0], m => m.Groups["script"].Value);
    }

    [GeneratedRegex(@"```bash\n(?<script># (?<step>[A-Z])\..*?)```", RegexOptions.Singleline)]
    private static partial Regex BashBlock();

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
