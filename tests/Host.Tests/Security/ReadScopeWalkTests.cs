using System.Net;
using System.Text.RegularExpressions;
using FluentAssertions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SecondChance.Domain.Access;
using SecondChance.Host.Http;
using SecondChance.Host.Tests.Support;
using Xunit;

namespace SecondChance.Host.Tests.Security;

/// <summary>
/// A staff member of one facility walks every GET endpoint (taken from the routing table, so a new endpoint is walked
/// too) and every call the pages make, addressing records of their own facility and of another, with every filter the
/// endpoint takes. No successful answer may hold an inmate id, prisoner number or name from the other facility.
/// </summary>
public sealed partial class ReadScopeWalkTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private readonly Api _admin = fixture.CreateApi();
    private Scenario Given => new(_admin);

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private sealed record Person(Guid Id, string Number, string Name);

    private sealed record World(Scenario.Facility Facility, Guid Programme, Guid Item, Guid Mentor, IReadOnlyList<Person> Inmates)
    {
        /// <summary>What would identify one of these inmates in a response.</summary>
        public IEnumerable<string> Identifying => Inmates.SelectMany(p => new[] { p.Id.ToString("D"), p.Id.ToString("N"), p.Number, p.Name });
    }

    [Fact]
    public async Task A_one_facility_user_reading_every_endpoint_and_page_call_never_sees_an_inmate_of_another_facility()
    {
        var own = await WorldAsync("PSH", ["Gulalai Yousafzai", "Shaheen Afridi"], consent: true);
        // the other facility's makers have not consented to be named: those who have are public in the marketplace by design
        var other = await WorldAsync("KHI", ["Zarmina Qalandarani", "Faraz Bhutto-Karachiwala"], consent: false);
        await fixture.ProjectionsCaughtUpAsync();
        var (user, client) = await TestUsers.SignedInAsync(fixture.Factory, Role.FacilityStaff, [own.Facility.Id], []);

        var requests = GetRoutes().SelectMany(r => Requests(r.Route, r.Query, own, other, user)).Concat(PageCalls(own, other)).Distinct().ToList();
        var leaks = new List<string>();
        var answered = new List<(string Url, string Body)>();
        foreach (var url in requests)
        {
            using var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            response.StatusCode.Should().NotBe(HttpStatusCode.InternalServerError, $"{url}: {body}");
            if (!response.IsSuccessStatusCode) continue;
            answered.Add((url, body));
            leaks.AddRange(other.Identifying.Where(t => body.Contains(t, StringComparison.OrdinalIgnoreCase)).Select(t => $"{url} shows {t}"));
        }

        leaks.Should().BeEmpty();
        requests.Should().HaveCountGreaterThan(100);
        // the walk reads real data of the user's own facility, so an empty answer everywhere could not pass for safety
        answered.Count(a => own.Identifying.Any(t => a.Body.Contains(t, StringComparison.OrdinalIgnoreCase))).Should().BeGreaterThan(15);
        answered.Should().Contain(a => a.Url.StartsWith("/read-models/dashboard?") && !a.Url.Contains("facilityId")
                                       && a.Body.Contains(own.Inmates[0].Number), "the overall dashboard lists the own facility's releases due");
    }

    [Fact]
    public async Task The_overall_dashboard_of_a_one_facility_user_counts_only_their_facility()
    {
        var own = await Given.FacilityAsync();
        var other = await Given.FacilityAsync();
        await Given.AdmitAsync(own.Id);
        await Given.AdmitAsync(other.Id);
        await Given.AdmitAsync(other.Id);
        await fixture.ProjectionsCaughtUpAsync();
        var staff = new Api(await TestUsers.ClientForAsync(fixture.Factory, Role.FacilityStaff, own.Id));

        static long InCustody(ApiResponse view) => view.Body.GetProperty("inmates").EnumerateArray().Sum(s => s.GetProperty("inmates").GetInt64());
        InCustody(await staff.GetAsync("/read-models/dashboard")).Should().Be(1);
        InCustody(await _admin.GetAsync("/read-models/dashboard")).Should().Be(3);
    }

    /// <summary>Every GET route the Host maps, with the query parameters it takes.</summary>
    private IEnumerable<(string Route, IReadOnlySet<string> Query)> GetRoutes()
    {
        var routes = fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => (Route: "/" + (e.RoutePattern.RawText ?? "").Trim('/'),
                Query: QueryParameters.Checked(e) ? QueryParameters.Of(e) : (IReadOnlySet<string>)new HashSet<string>()))
            .ToList();
        routes.Should().HaveCountGreaterThan(40);
        return routes;
    }

    /// <summary>The route addressing the own facility's records, then the other's, each with every filter variation it takes.</summary>
    private static IEnumerable<string> Requests(string route, IReadOnlySet<string> query, World own, World other, TestUser user)
    {
        foreach (var (world, userId) in new[] { (own, user.Id), (other, Guid.NewGuid()) })
        {
            var path = RouteParameter().Replace(route, m => Fill(m.Groups[1].Value, world, userId));
            var fixedPart = new List<string>();
            if (query.Contains("from")) fixedPart.Add("from=2024-01-01");
            if (query.Contains("to")) fixedPart.Add("to=2026-12-31");
            if (query.Contains("pageSize")) fixedPart.Add("pageSize=200");
            yield return Url(path, fixedPart);
            var variations = new (string Name, string Value)[]
            {
                ("facilityId", own.Facility.Id.ToString()), ("facilityId", other.Facility.Id.ToString()),
                ("programmeId", own.Programme.ToString()), ("programmeId", other.Programme.ToString()),
                ("search", other.Inmates[0].Number), ("search", other.Inmates[0].Name.Split(' ')[0]), ("format", "csv"),
                ("subjectId", other.Inmates[0].Id.ToString()),
            };
            foreach (var (name, value) in variations.Where(v => query.Contains(v.Name)))
                yield return Url(path, [.. fixedPart, $"{name}={Uri.EscapeDataString(value)}"]);
        }
    }

    private static string Url(string path, IEnumerable<string> query) =>
        query.Any() ? $"{path}?{string.Join('&', query)}" : path;

    private static string Fill(string parameter, World world, Guid userId) => parameter switch
    {
        "inmateId" => world.Inmates[0].Id.ToString(),
        "programmeId" => world.Programme.ToString(),
        "itemId" => world.Item.ToString(),
        "facilityId" => world.Facility.Id.ToString(),
        "mentorId" => world.Mentor.ToString(),
        "userId" => userId.ToString(),
        "documentName" => "v1",
        "complaintId" => Guid.NewGuid().ToString(),
        // partners are organisations and orders name no inmate: nothing of the other facility to find through them
        "partnerId" or "orderId" => Guid.NewGuid().ToString(),
        "ventureId" => Guid.NewGuid().ToString(),
        "certificateNumber" => $"{world.Inmates[0].Number}-C",
        "code" => "0000-0000-0000-0000-0000-0000-0000",
        _ => throw new InvalidOperationException($"The walk does not know what to put in {{{parameter}}}; add it here."),
    };

    /// <summary>The calls the pages' scripts (wwwroot/js) make, as they make them, for both facilities' records.</summary>
    private static IEnumerable<string> PageCalls(World own, World other)
    {
        foreach (var w in new[] { own, other })
        {
            var inmate = w.Inmates[0].Id;
            yield return $"/inmates?page=1&pageSize=50&facilityId={w.Facility.Id}";
            yield return $"/inmates?page=2&pageSize=50&search={Uri.EscapeDataString(w.Inmates[1].Name)}";
            yield return $"/inmates/{inmate}";
            yield return $"/read-models/inmates/{inmate}/timeline";
            yield return $"/read-models/wages/inmates/{inmate}/statement";
            yield return $"/programmes/{w.Programme}";
            yield return $"/mentors/{w.Mentor}";
            yield return $"/read-models/dashboard?from=2023-07-01&facilityId={w.Facility.Id}";
            yield return $"/oversight/facilities/{w.Facility.Id}/report?from=2023-06-01&to=2025-06-01";
            yield return $"/oversight/facilities/{w.Facility.Id}/report?from=2023-06-01&to=2025-06-01&format=csv";
            yield return $"/audit/wages/inmates/{inmate}/balances?asOf=2025-06-01T23:59:59.999Z";
        }
        yield return "/read-models/dashboard?from=2023-07-01";
        yield return "/read-models/catalogue?limit=200";
        yield return "/facilities";
        yield return "/auth/me";
        yield return "/admin/projections";
    }

    private async Task<World> WorldAsync(string code, string[] names, bool consent)
    {
        var facility = await Given.FacilityAsync();
        var programme = await Given.ProgrammeAsync(facility.Id);
        var mentor = await Given.MentorAsync();
        var people = new List<Person>();
        for (var i = 0; i < names.Length; i++)
        {
            var number = $"{code}-2025-{i + 1:0000}";
            var id = (await Given.Created("/inmates", new
            {
                facilityId = facility.Id, prisonerNumber = number, fullName = names[i], cnic = "42101-1234567-1", sex = "Male",
                dateOfBirth = "1990-05-05", legalStatus = "Convicted", committalAuthority = "Sessions Court", admittedAt = "2025-01-10T10:00:00+05:00",
            })).Id;
            people.Add(new Person(id, number, names[i]));
            await Given.Ok($"/inmates/{id}/housing", new { wardId = facility.MaleWard });
            await Given.Ok($"/inmates/{id}/medical-screenings", new { screenedAt = Scenario.Past, screenedBy = "Dr. Hina", summary = "Fit" });
            (await Given.EnrolAsync(programme, id)).Status.Should().Be(HttpStatusCode.OK);
            await Given.Ok($"/inmates/{id}/certifications", new
            {
                programmeId = programme, skill = "Zardozi", level = "Level 2", assessor = "TEVTA assessor", certificateNumber = $"{number}-C",
                certifiedAt = Scenario.Past,
            });
            await Given.Ok($"/inmates/{id}/wage-account/credits",
                new { kind = "Wage", amountMinor = 25_000, currency = "PKR", description = "Tailoring wages", creditedAt = Scenario.Past });
            (await _admin.PutAsync($"/inmates/{id}/mentor", new { mentorId = mentor, assignedAt = Scenario.Past })).Status.Should().Be(HttpStatusCode.OK);
            await Given.Ok($"/inmates/{id}/mentoring-contacts",
                new { mentorId = mentor, contactAt = Scenario.Past, mode = "InPerson", phase = "BeforeRelease", summary = "Planning work" });
            (await _admin.PutAsync($"/inmates/{id}/release-plan", new { expectedReleaseDate = "2025-07-15" })).Status.Should().Be(HttpStatusCode.OK);
            if (consent) await Given.Ok($"/inmates/{id}/attribution-consent", new { at = Scenario.Past });
        }
        await Given.Ok($"/inmates/{people[1].Id}/segregation", new { reason = "Violence", authorisedBy = "Superintendent", at = Scenario.Past });
        var sold = await Given.ListedItemAsync(facility.Id, programme, (people[0].Id, 120), (people[1].Id, 60));
        await Given.Ok($"/items/{sold}/sale", new
        {
            priceMinor = 1_000_000, currency = "PKR", channel = "Exhibition", buyerReference = "Expo receipt", soldAt = Scenario.Past,
        });
        var onSale = await Given.ListedItemAsync(facility.Id, programme, (people[0].Id, 90));
        return new World(facility, programme, onSale, mentor, people);
    }

    [GeneratedRegex(@"\{([A-Za-z]+)(:[^}]*)?\}")]
    private static partial Regex RouteParameter();
}
