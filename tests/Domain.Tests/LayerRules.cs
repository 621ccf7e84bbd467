using FluentAssertions;

namespace SecondChance.Domain.Tests;

public class LayerRules
{
    [Fact]
    public void Domain_references_no_database_web_or_hosting_assembly()
    {
        var references = typeof(Decision).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();
        references.Should().NotContain(n =>
            n.StartsWith("Npgsql", StringComparison.OrdinalIgnoreCase)
            || n.StartsWith("Microsoft.AspNetCore", StringComparison.OrdinalIgnoreCase)
            || n.StartsWith("Microsoft.Extensions", StringComparison.OrdinalIgnoreCase)
            || n.StartsWith("SecondChance.", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("DateTime.Now")]
    [InlineData("DateTime.UtcNow")]
    [InlineData("DateTimeOffset.Now")]
    [InlineData("DateTimeOffset.UtcNow")]
    [InlineData("Guid.NewGuid")]
    [InlineData("Guid.CreateVersion7")]
    [InlineData("TimeProvider")]
    [InlineData("new Random")]
    [InlineData("Random.Shared")]
    [InlineData("Environment.TickCount")]
    [InlineData("Stopwatch")]
    public void Domain_source_never_reads_the_clock_or_makes_up_ids(string forbidden)
    {
        var sources = Directory.EnumerateFiles(Path.Combine(RepoRoot(), "src", "Domain"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .ToList();
        sources.Should().NotBeEmpty();
        sources.Where(f => File.ReadAllText(f).Contains(forbidden, StringComparison.Ordinal))
            .Should().BeEmpty($"src/Domain must take time and new ids as arguments, not use {forbidden}");
    }

    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SecondChance.sln"))) return dir.FullName;
        throw new InvalidOperationException("SecondChance.sln not found above the test output folder.");
    }
}
