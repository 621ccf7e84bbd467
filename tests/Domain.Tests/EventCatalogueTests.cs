using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using FluentAssertions;
using SecondChance.Domain.Facilities;
using SecondChance.Domain.Inmates;

namespace SecondChance.Domain.Tests;

public class EventCatalogueTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static TheoryData<string> Aliases()
    {
        var data = new TheoryData<string>();
        foreach (var (_, alias) in DomainEventTypes.All) data.Add(alias);
        return data;
    }

    [Fact]
    public void Aliases_are_unique_snake_case_and_versioned()
    {
        DomainEventTypes.All.Should().NotBeEmpty();
        DomainEventTypes.All.Select(e => e.Alias).Should().OnlyHaveUniqueItems();
        DomainEventTypes.All.Select(e => e.Type).Should().OnlyHaveUniqueItems();
        DomainEventTypes.All.Should().OnlyContain(e => Regex.IsMatch(e.Alias, @"^[a-z0-9_]+\.v[0-9]+$"));
    }

    [Fact]
    public void Every_event_record_declared_in_an_events_file_is_in_the_catalogue()
    {
        var declared = Directory.EnumerateFiles(Path.Combine(LayerRules.RepoRoot(), "src", "Domain"), "*Events.cs", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "StreamEvents.cs")
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), @"public sealed record (\w+)\(").Select(m => m.Groups[1].Value))
            .ToList();
        declared.Should().NotBeEmpty();
        DomainEventTypes.All.Select(e => e.Type.Name).Should().BeEquivalentTo(declared);
    }

    [Theory]
    [MemberData(nameof(Aliases))]
    public void Event_round_trips_through_system_text_json(string alias)
    {
        var type = DomainEventTypes.TypeOf(alias)!;
        type.IsSealed.Should().BeTrue();
        type.GetProperties().Should().OnlyContain(p => p.SetMethod == null || p.SetMethod.ReturnParameter.GetRequiredCustomModifiers()
            .Any(m => m.Name == "IsExternalInit"), "events are immutable");

        var sample = Sample(type);
        var json = JsonSerializer.Serialize(sample, type, Json);
        var back = JsonSerializer.Deserialize(json, type, Json)!;

        back.Should().BeOfType(type);
        JsonSerializer.Serialize(back, type, Json).Should().Be(json);
        back.Should().BeEquivalentTo(sample, o => o.ComparingRecordsByMembers().RespectingRuntimeTypes());
        DomainEventTypes.AliasOf(type).Should().Be(alias);
    }

    [Fact]
    public void Events_stored_before_their_optional_fields_existed_still_read_with_the_defaults()
    {
        const string id = "8d1f0c1e-3b5a-4f53-9c61-3a9b9c2d7e11";
        JsonSerializer.Deserialize<FacilityRegistered>(
                $$"""{"facilityId":"{{id}}","name":"Central Jail","code":"CJ","timeZoneId":"Asia/Karachi","separatesUntriedFromConvicted":true}""", Json)!
            .Currency.Should().Be("PKR");
        JsonSerializer.Deserialize<InmateAdmitted>($$"""
            {"inmateId":"{{id}}","facilityId":"{{id}}","prisonerNumber":"K-1","fullName":"A","cnic":"42101-1234567-1","sex":"Male",
             "dateOfBirth":"1990-01-01","legalStatus":"Remand","committalAuthority":"Court","admittedAt":"2025-06-01T10:00:00+05:00",
             "consentToAttribution":false}
            """, Json)!.Currency.Should().Be("PKR");
        JsonSerializer.Deserialize<InmateHoused>(
                $$"""{"inmateId":"{{id}}","facilityId":"{{id}}","wardId":"{{id}}","wardCategory":"AdultMale","juvenileOverrideReason":null}""", Json)!
            .HousedAt.Should().BeNull();
        JsonSerializer.Deserialize<ReleasePlanned>($$"""{"inmateId":"{{id}}","expectedReleaseDate":"2026-01-01"}""", Json)!
            .PlannedAt.Should().BeNull();
        JsonSerializer.Deserialize<ComplianceThresholdsSet>($$"""{"facilityId":"{{id}}","segregationLimitDays":10,"screeningDeadlineHours":12}""", Json)!
            .RestraintLimitHours.Should().BeNull();
        JsonSerializer.Deserialize<MedicalScreeningRecorded>($$"""
            {"inmateId":"{{id}}","screenedAt":"2025-06-01T10:00:00+05:00","screenedBy":"Dr","summary":"fit",
             "femaleEntryScreening":{"pregnant":false,"breastfeeding":true,"childrenAccompanying":1} }
            """, Json)!.FemaleEntryScreening!.ChildrenOutside.Should().Be(0);
    }

    private static object Sample(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } inner) return Sample(inner);
        if (type == typeof(string)) return "sample text";
        if (type == typeof(Guid)) return new Guid("8d1f0c1e-3b5a-4f53-9c61-3a9b9c2d7e11");
        if (type == typeof(int)) return 42;
        if (type == typeof(long)) return 4_200_000_000_123L;
        if (type == typeof(bool)) return true;
        if (type == typeof(DateOnly)) return new DateOnly(2026, 3, 1);
        if (type == typeof(DateTimeOffset)) return new DateTimeOffset(2026, 3, 1, 10, 15, 30, TimeSpan.FromHours(5));
        if (type.IsEnum) return Enum.GetValues(type).Cast<object>().Last();
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var elementType = type.GetGenericArguments()[0];
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(elementType))!;
            list.Add(Sample(elementType));
            list.Add(Sample(elementType));
            return list;
        }
        var constructor = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance)
            .OrderByDescending(c => c.GetParameters().Length).First();
        return constructor.Invoke(constructor.GetParameters().Select(p => Sample(p.ParameterType)).ToArray());
    }
}
