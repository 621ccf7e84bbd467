using FluentAssertions;

namespace SecondChance.Domain.Tests;

public class DeterministicGuidSpecs
{
    [Fact]
    public void Name_based_guid_matches_the_rfc_version_5_test_vector() =>
        DeterministicGuid.Create(new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "www.example.com")
            .Should().Be(new Guid("2ed6657d-e927-568b-95e1-2665a8aea6a2"));
}
