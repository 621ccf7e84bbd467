using System.Net;
using FluentAssertions;
using SecondChance.Domain.Access;
using SecondChance.Host.Tests.Support;
using Xunit;

namespace SecondChance.Host.Tests.Inmates;

/// <summary>Searching and paging the inmate list, the facility list, and unknown query parameters.</summary>
public sealed class InmateListTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private readonly Api _api = fixture.CreateApi();
    private Scenario Given => new(_api);

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Guid> AdmitAsync(Guid facilityId, string number, string name)
    {
        var r = await _api.PostAsync("/inmates", new
        {
            facilityId, prisonerNumber = number, fullName = name, cnic = "42101-1234567-1", sex = "Male", dateOfBirth = "1990-05-05",
            legalStatus = "Convicted", committalAuthority = "Sessions Court", admittedAt = "2025-01-10T10:00:00+05:00",
        });
        r.Status.Should().Be(HttpStatusCode.Created, r.ToString());
        return r.Id;
    }

    private static List<string> Numbers(ApiResponse page) =>
        page.Body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("prisonerNumber").GetString()!).ToList();

    [Fact]
    public async Task The_inmate_list_finds_inmates_by_part_of_the_name_or_of_the_prisoner_number()
    {
        var facility = await Given.FacilityAsync();
        await AdmitAsync(facility.Id, "KCJ-2024-0101", "Imran Khan Afridi");
        await AdmitAsync(facility.Id, "KCJ-2024-0102", "Bilal Khan");
        await AdmitAsync(facility.Id, "KCJ-2025-0007", "Sajid Mehmood");
        await AdmitAsync(facility.Id, "KCJ-2025-0100", "Asif 100% Ali");

        Numbers(await _api.GetAsync("/inmates?search=khan")).Should().BeEquivalentTo("KCJ-2024-0101", "KCJ-2024-0102");
        Numbers(await _api.GetAsync("/inmates?search=2025-0007")).Should().Equal("KCJ-2025-0007");
        Numbers(await _api.GetAsync("/inmates?search=%25")).Should().Equal("KCJ-2025-0100");
        Numbers(await _api.GetAsync("/inmates?search=KCJ_2024")).Should().BeEmpty("the text is matched as written, _ is no wildcard");
        Numbers(await _api.GetAsync("/inmates?search=%20%20")).Should().HaveCount(4, "a blank search is no search");
        var found = await _api.GetAsync($"/inmates?search=KCJ-2024&facilityId={facility.Id}&page=1&pageSize=1");
        found.Body.GetProperty("totalCount").GetInt64().Should().Be(2);
        Numbers(found).Should().HaveCount(1);
    }

    [Fact]
    public async Task Paging_through_the_inmate_list_shows_every_inmate_once_with_the_page_asked_for()
    {
        var facility = await Given.FacilityAsync();
        for (var i = 0; i < 7; i++) await AdmitAsync(facility.Id, $"KCJ-{i:000}", $"Inmate {i}");

        var seen = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            var r = await _api.GetAsync($"/inmates?page={page}&pageSize=3");
            r.Body.GetProperty("page").GetInt32().Should().Be(page);
            r.Body.GetProperty("pageSize").GetInt32().Should().Be(3);
            r.Body.GetProperty("totalCount").GetInt64().Should().Be(7);
            seen.AddRange(Numbers(r));
        }

        seen.Should().HaveCount(7).And.OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task A_reader_who_sees_names_redacted_cannot_find_an_inmate_by_name_only_by_prisoner_number()
    {
        var facility = await Given.FacilityAsync();
        await AdmitAsync(facility.Id, "KCJ-77", "Zarghuna Bibi");
        var oversight = new Api(await TestUsers.ClientForAsync(fixture.Factory, Role.Oversight));

        (await oversight.GetAsync("/inmates?search=Zarghuna")).Body.GetProperty("totalCount").GetInt64().Should().Be(0);
        (await oversight.GetAsync("/inmates?search=KCJ-77")).Body.GetProperty("totalCount").GetInt64().Should().Be(1);
        (await _api.GetAsync("/inmates?search=Zarghuna")).Body.GetProperty("totalCount").GetInt64().Should().Be(1);
    }

    [Theory]
    [InlineData("/inmates?pageNumber=2", "pageNumber")]
    [InlineData("/inmates?q=khan", "q")]
    [InlineData("/mentors?facilityId=00000000-0000-0000-0000-000000000001", "facilityId")]
    [InlineData("/read-models/dashboard?facility=00000000-0000-0000-0000-000000000001", "facility")]
    [InlineData("/facilities?page=1", "page")]
    public async Task An_unknown_query_parameter_is_a_400_problem_naming_it(string path, string parameter)
    {
        var r = await _api.GetAsync(path);

        r.Status.Should().Be(HttpStatusCode.BadRequest);
        r.Message.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        r.ErrorFields.Should().Equal(parameter);
    }

    [Fact]
    public async Task Get_facilities_lists_the_facilities_the_reader_may_read()
    {
        var karachi = await Given.FacilityAsync();
        var peshawar = await Given.FacilityAsync();
        var staff = new Api(await TestUsers.ClientForAsync(fixture.Factory, Role.FacilityStaff, peshawar.Id));

        var all = await _api.GetAsync("/facilities");
        var own = await staff.GetAsync("/facilities");

        all.Status.Should().Be(HttpStatusCode.OK);
        all.Body.EnumerateArray().Select(f => f.GetProperty("facilityId").GetGuid()).Should().Equal(karachi.Id, peshawar.Id);
        own.Body.EnumerateArray().Select(f => f.GetProperty("facilityId").GetGuid()).Should().Equal(peshawar.Id);
        own.Body[0].GetProperty("name").GetString().Should().NotBeNullOrEmpty();
    }
}
