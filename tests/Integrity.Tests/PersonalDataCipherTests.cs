using System.Security.Cryptography;
using System.Text.Json.Nodes;
using FluentAssertions;
using SecondChance.Integrity.Privacy;
using Xunit;

namespace SecondChance.Integrity.Tests;

public sealed class PersonalDataCipherTests
{
    private static readonly Guid Person = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
    private static readonly Guid Other = Guid.Parse("7c9e6679-7425-40de-944b-e07fc1f90ae7");
    private static readonly Dictionary<string, JsonNode?> Placeholders = new() { ["name"] = PersonalDataCipher.Erased, ["cnic"] = null };

    private static JsonObject Sealed(Guid subject, byte[] key, string name = "Shazia Bibi")
    {
        var json = new JsonObject { ["name"] = name, ["cnic"] = "42101-1234567-8", ["amountMinor"] = 1250 };
        PersonalDataCipher.Encrypt(json, subject, ["name", "cnic"], key);
        return json;
    }

    [Fact]
    public void Personal_fields_are_sealed_with_the_prefix_and_open_again_with_the_subjects_key()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var json = Sealed(Person, key);

        json["name"]!.GetValue<string>().Should().StartWith(PersonalDataCipher.Prefix).And.NotContain("Shazia");
        json["amountMinor"]!.GetValue<int>().Should().Be(1250);

        PersonalDataCipher.Decrypt(json, Person, Placeholders, key);
        (json["name"]!.GetValue<string>(), json["cnic"]!.GetValue<string>()).Should().Be(("Shazia Bibi", "42101-1234567-8"));
    }

    [Fact]
    public void Without_a_key_each_sealed_field_reads_as_its_erased_placeholder()
    {
        var json = Sealed(Person, RandomNumberGenerator.GetBytes(32));

        PersonalDataCipher.Decrypt(json, Person, Placeholders, null);

        json["name"]!.GetValue<string>().Should().Be(PersonalDataCipher.Erased);
        json["cnic"].Should().BeNull();
        json["amountMinor"]!.GetValue<int>().Should().Be(1250);
    }

    [Fact]
    public void A_ciphertext_copied_onto_another_person_does_not_decrypt_even_with_the_same_key()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var copied = new JsonObject { ["name"] = Sealed(Person, key)["name"]!.GetValue<string>() };

        var act = () => PersonalDataCipher.Decrypt(copied, Other, Placeholders, key);

        act.Should().Throw<CryptographicException>();
    }

    [Fact]
    public void A_ciphertext_moved_to_another_field_does_not_decrypt()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var json = Sealed(Person, key);
        json["cnic"] = json["name"]!.GetValue<string>();

        var act = () => PersonalDataCipher.Decrypt(json, Person, new Dictionary<string, JsonNode?> { ["cnic"] = null }, key);

        act.Should().Throw<CryptographicException>();
    }
}
