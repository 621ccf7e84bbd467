using System.Reflection;
using System.Text.RegularExpressions;
using FluentAssertions;

namespace SecondChance.Domain.Tests;

public class RefusalCodeTests
{
    private static readonly IReadOnlyList<FieldInfo> Codes = typeof(RefusalCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).ToList();

    [Fact]
    public void Refusal_codes_are_unique_and_snake_case()
    {
        var values = Codes.Select(f => (string)f.GetRawConstantValue()!).ToList();
        values.Should().OnlyHaveUniqueItems();
        values.Should().OnlyContain(v => Regex.IsMatch(v, "^[a-z][a-z0-9]*(_[a-z0-9]+)*$"));
    }

    [Fact]
    public void Every_refusal_code_has_a_spec_that_expects_it()
    {
        var specs = string.Concat(Directory
            .EnumerateFiles(Path.Combine(LayerRules.RepoRoot(), "tests", "Domain.Tests"), "*Specs.cs", SearchOption.AllDirectories)
            .Select(File.ReadAllText));
        Codes.Where(f => !specs.Contains($"ThenRefused(RefusalCodes.{f.Name})", StringComparison.Ordinal))
            .Select(f => f.Name).Should().BeEmpty();
    }
}
