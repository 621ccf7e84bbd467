using FluentAssertions;
using SecondChance.Integrity.Hosting;
using Xunit;
using Xunit.Abstractions;

namespace SecondChance.Reliability.Tests;

/// <summary>
/// The Host runs as a real process on its own private PostgreSQL cluster (so restarting it disturbs no other test),
/// and is killed with SIGKILL again and again while clients retry with Idempotency-Keys.
/// </summary>
public sealed class HostCrashTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Killing_the_host_and_restarting_postgres_under_load_loses_and_duplicates_nothing()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<configuration>/net10.0
        var repo = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(repo.FullName, "SecondChance.sln"))) repo = repo.Parent!;
        var hostDll = Path.Combine(repo.FullName, $"src/Host/bin/{configuration}/net10.0/SecondChance.Host.dll");

        var result = await ReliabilityRun.RunAsync(new ReliabilityOptions(
            Clients: 8, SteadySeconds: 2, Inmates: 250, KillEvery: TimeSpan.FromMilliseconds(700), PostgresRestarts: 1,
            HostDll: hostDll, PostgresRoot: LocalPostgres.DefaultRoot("reliability-test")), output.WriteLine);

        result.Kills.Should().BeGreaterThan(0, "the Host must have been killed during the load");
        result.Stored.Should().Be(500, "250 admissions and 250 screenings, each stored exactly once");
        result.Duplicates.Should().Be(0);
        result.DifferingTables.Should().BeEmpty("the projections must equal a rebuild from scratch");
        result.Passed.Should().BeTrue();
    }
}
