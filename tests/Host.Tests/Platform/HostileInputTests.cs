using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using FluentAssertions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SecondChance.Host.Tests.Support;
using Xunit;

namespace SecondChance.Host.Tests.Platform;

/// <summary>
/// Sends malformed and hostile input to every endpoint of the running app, as a signed-in administrator (so nothing is
/// stopped at the door): only 4xx answers, never a 5xx, and a refused request writes no event.
/// </summary>
public sealed partial class HostileInputTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static readonly string Huge = new('x', 60_000);

    private static IEnumerable<(string Name, string Body, string MediaType)> HostileBodies()
    {
        yield return ("broken JSON", "{\"name\": ", "application/json");
        yield return ("JSON null", "null", "application/json");
        yield return ("a JSON array", "[1, 2, 3]", "application/json");
        yield return ("wrong types", """
            {"name": 5, "fullName": [], "facilityId": "not-a-guid", "inmateId": 12, "amountMinor": "ten", "priceMinor": {},
             "capacity": "many", "sex": 3, "category": "Dormitory", "at": true, "admittedAt": 5, "wardId": false}
            """, "application/json");
        yield return ("huge strings", $$"""
            {"name": "{{Huge}}", "fullName": "{{Huge}}", "description": "{{Huge}}", "reason": "{{Huge}}", "summary": "{{Huge}}",
             "code": "{{Huge}}", "prisonerNumber": "{{Huge}}", "cnic": "{{Huge}}", "username": "{{Huge}}", "password": "{{Huge}}"}
            """, "application/json");
        yield return ("huge arrays", "{\"skills\": [" + string.Join(",", Enumerable.Repeat("\"x\"", 20_000)) + "], \"makers\": [" +
                                     string.Join(",", Enumerable.Repeat("{\"inmateId\": \"00000000-0000-0000-0000-000000000001\", \"minutesWorked\": 1}", 2_000)) + "]}",
            "application/json");
        yield return ("invalid dates", """
            {"admittedAt": "2025-13-45T99:00:00", "dateOfBirth": "yesterday", "effectiveFrom": "2025-02-30", "at": "soon",
             "soldAt": "0000-00-00", "releasedAt": "9999-99-99T00:00:00Z", "expectedReleaseDate": "2025/01/01"}
            """, "application/json");
        yield return ("negative and overflowing amounts", """
            {"amountMinor": -5, "priceMinor": 99999999999999999999999, "materialsCostMinor": -1, "capacity": -3,
             "inmateShareBasisPoints": 2147483648, "minutesWorked": -60, "segregationLimitDays": -1, "pageSize": 1e309}
            """, "application/json");
        yield return ("injection strings", """
            {"name": "'; drop table sc.events;--", "fullName": "<script>alert(1)</script>", "description": "{{7*7}} ${jndi:ldap://x}",
             "reason": "\u0000\u0001", "code": "../../etc/passwd", "username": "admin' or '1'='1", "timeZoneId": "../../../etc/passwd"}
            """, "application/json");
        yield return ("a body over the limit", "{\"name\": \"" + new string('y', 300_000) + "\"}", "application/json");
        yield return ("not JSON at all", "name=x&facilityId=y", "text/plain");
    }

    private static readonly string[] HostileQueries =
    [
        "?from=not-a-date&to=2025-99-99&asOf=xyz&version=-1",
        "?page=-1&pageSize=999999999&limit=-5&offset=-10&after=abc",
        "?facilityId=not-a-guid&programmeId=%27%3B%20drop%20table&status=%3Cscript%3E&format=exe&kind=%00",
    ];

    [GeneratedRegex(@"\{([A-Za-z]+)(:[^}]*)?\}")]
    private static partial Regex RouteParameter();

    [Fact]
    public async Task Every_endpoint_answers_hostile_input_with_a_4xx_and_writes_nothing_when_it_refuses()
    {
        var api = fixture.CreateApi();
        var given = new Scenario(api);
        var (facility, programme, inmate) = await given.EnrolledInmateAsync();
        var item = await given.ListedItemAsync(facility.Id, programme, (inmate, 120));
        var mentor = await given.MentorAsync();
        var known = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase)
        {
            ["facilities"] = facility.Id, ["inmates"] = inmate, ["programmes"] = programme, ["items"] = item, ["mentors"] = mentor,
            ["users"] = fixture.Admin.Id,
        };

        var endpoints = fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, Route: e.RoutePattern.RawText ?? "")))
            .Where(e => !e.Route.Contains("openapi"))
            .Distinct().ToList();
        endpoints.Should().HaveCountGreaterThan(50);

        var failures = new List<string>();
        var requests = 0;
        foreach (var (method, route) in endpoints)
        {
            var path = "/" + RouteParameter().Replace(route.TrimStart('/'), m => ValueFor(m, route, known));
            var attempts = method is "GET" or "DELETE" or "HEAD"
                ? HostileQueries.Select(q => (Name: $"query {q}", Body: (string?)null, MediaType: "", Query: q))
                : HostileBodies().Select(b => (b.Name, Body: (string?)b.Body, b.MediaType, Query: ""));
            foreach (var attempt in attempts)
            {
                var before = await fixture.EventCountAsync();
                using var request = new HttpRequestMessage(new HttpMethod(method), path + attempt.Query);
                if (attempt.Body is not null) request.Content = new StringContent(attempt.Body, Encoding.UTF8, attempt.MediaType);
                using var response = await api.Client.SendAsync(request);
                requests++;
                var status = (int)response.StatusCode;
                if (status >= 500)
                    failures.Add($"{method} {path} with {attempt.Name}: {status} {await response.Content.ReadAsStringAsync()}");
                else if (status >= 400 && await fixture.EventCountAsync() != before)
                    failures.Add($"{method} {path} with {attempt.Name}: refused with {status} but wrote events");
            }
        }

        requests.Should().BeGreaterThan(300);
        failures.Should().BeEmpty();
    }

    [Fact]
    public async Task A_NUL_character_is_refused_with_400_but_an_escaped_backslash_before_u0000_is_ordinary_text()
    {
        var api = fixture.CreateApi();
        var nul = await api.SendRawAsync(HttpMethod.Post, "/facilities", """{"name": "Jail\u0000", "code": "NUL", "timeZoneId": "Asia/Karachi"}""", []);
        nul.Status.Should().Be(HttpStatusCode.BadRequest);
        nul.ErrorFields.Should().Equal("body");
        (await fixture.EventCountAsync()).Should().Be(0);

        var text = await api.SendRawAsync(HttpMethod.Post, "/facilities", """{"name": "C:\\u0000 jail", "code": "TXT", "timeZoneId": "Asia/Karachi"}""", []);
        text.Status.Should().Be(HttpStatusCode.Created, text.ToString());
    }

    private static string ValueFor(Match parameter, string route, Dictionary<string, Guid> known)
    {
        var name = parameter.Groups[1].Value;
        if (name == "name") return "timeline";
        if (name == "documentName") return "v1";
        var before = route[..parameter.Index].TrimEnd('/').Split('/').LastOrDefault(s => !s.StartsWith('{')) ?? "";
        if (name.Equals("inmateId", StringComparison.OrdinalIgnoreCase)) return known["inmates"].ToString();
        return known.TryGetValue(before, out var id) ? id.ToString() : Guid.NewGuid().ToString();
    }
}
