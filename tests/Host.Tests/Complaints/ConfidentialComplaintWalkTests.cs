using System.Net;
using System.Text.RegularExpressions;
using FluentAssertions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SecondChance.Domain.Access;
using SecondChance.Host.Http;
using SecondChance.Host.Notifications;
using SecondChance.Host.Tests.Support;
using Wolverine;
using Xunit;

namespace SecondChance.Host.Tests.Complaints;

/// <summary>
/// A confidential complaint (addressed to oversight, about staff, unanswered, followed by a segregation) against an
/// inmate of the facility a staff member works at. The staff member walks every GET endpoint in the routing table (a
/// new one is walked too) and every call the pages make, with every filter and time axis: no answer may show that the
/// complaint exists. Oversight, walking the same report, sees both findings, so the walk cannot pass on empty data.
/// </summary>
public sealed partial class ConfidentialComplaintWalkTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private const string Account = "Guard Qx7 beat him for refusing to pay";
    private const string Author = "Rukhsana Marker-Begum";
    private readonly Api _admin = fixture.CreateApi();
    private Scenario Given => new(_admin);

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Facility_staff_reading_every_endpoint_and_page_call_never_learn_of_an_undisclosed_confidential_complaint()
    {
        var facility = await Given.FacilityAsync();
        var programme = await Given.ProgrammeAsync(facility.Id);
        var mentor = await Given.MentorAsync();
        var inmate = await Given.AdmitAsync(facility.Id);
        await Given.Ok($"/inmates/{inmate}/housing", new { wardId = facility.MaleWard });
        (await Given.EnrolAsync(programme, inmate)).Status.Should().Be(HttpStatusCode.OK);
        var item = await Given.ListedItemAsync(facility.Id, programme, (inmate, 60));
        var oversight = new Api(await TestUsers.ClientForAsync(fixture.Factory, Role.Oversight));
        var complaint = (await oversight.PostAsync($"/inmates/{inmate}/complaints", new
        {
            channel = "ToOversight", complainant = "FamilyMember", complainantName = Author, category = "Treatment", aboutStaff = true,
            account = Account, recordedBy = "Ombudsman's office", lodgedAt = "2025-03-05T10:00:00+05:00",
        })).Id;
        await Given.Ok($"/inmates/{inmate}/segregation", new { reason = "Violence", authorisedBy = "Superintendent", at = "2025-03-10T10:00:00+05:00" });
        await fixture.ProjectionsCaughtUpAsync();
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(new SweepComplianceFindings());
        var (user, client) = await TestUsers.SignedInAsync(fixture.Factory, Role.FacilityStaff, [facility.Id], [], personalData: true);

        // rule codes are public (the rules list, zero counts); what a finding or notice on the complaint would carry is not
        string[] telltales = [complaint.ToString("D"), complaint.ToString("N"), Account, Author, "confidential-complaints", "complaint lodged",
            "a complaint about staff; for review", "no decision after"];
        var fills = new Dictionary<string, string>
        {
            ["inmateId"] = inmate.ToString(), ["facilityId"] = facility.Id.ToString(), ["programmeId"] = programme.ToString(),
            ["itemId"] = item.ToString(), ["mentorId"] = mentor.ToString(), ["userId"] = user.Id.ToString(), ["complaintId"] = complaint.ToString(),
            ["ventureId"] = Guid.NewGuid().ToString(),
            ["documentName"] = "v1", ["certificateNumber"] = "CERT-1", ["code"] = "0000-0000-0000-0000-0000-0000-0000",
            ["partnerId"] = Guid.NewGuid().ToString(), ["orderId"] = Guid.NewGuid().ToString(),
        };
        var requests = GetRoutes().SelectMany(r => Requests(r.Route, r.Query, fills)).Concat(PageCalls(inmate, facility.Id)).Distinct().ToList();
        var leaks = new List<string>();
        var answered = 0;
        foreach (var url in requests)
        {
            using var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            response.StatusCode.Should().NotBe(HttpStatusCode.InternalServerError, $"{url}: {body}");
            if (response.IsSuccessStatusCode) answered++;
            leaks.AddRange(telltales.Where(t => body.Contains(t, StringComparison.OrdinalIgnoreCase)).Select(t => $"{url} ({(int)response.StatusCode}) shows {t}"));
        }

        leaks.Should().BeEmpty();
        var staffReport = await new Api(client).GetAsync($"/oversight/facilities/{facility.Id}/report?from=2025-01-01&to=2026-12-31");
        staffReport.Body.GetProperty("counts").EnumerateArray().Where(c => c.GetProperty("ruleCode").GetString() is "complaint_unanswered" or "possible_reprisal")
            .Should().HaveCount(2).And.OnlyContain(c => c.GetProperty("total").GetInt32() == 0);
        requests.Should().HaveCountGreaterThan(60);
        answered.Should().BeGreaterThan(40);
        // the same questions asked by oversight show the complaint: the walk looked where it would be
        var report = (await oversight.GetAsync($"/oversight/facilities/{facility.Id}/report?from=2025-01-01&to=2026-12-31")).ToString();
        report.Should().Contain("complaint_unanswered").And.Contain("possible_reprisal");
        (await oversight.GetAsync($"/inmates/{inmate}/complaints")).ToString().Should().Contain(Account);
    }

    private IEnumerable<(string Route, IReadOnlySet<string> Query)> GetRoutes() =>
        fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => (Route: "/" + (e.RoutePattern.RawText ?? "").Trim('/'),
                Query: QueryParameters.Checked(e) ? QueryParameters.Of(e) : (IReadOnlySet<string>)new HashSet<string>()));

    private static IEnumerable<string> Requests(string route, IReadOnlySet<string> query, IReadOnlyDictionary<string, string> fills)
    {
        var path = RouteParameter().Replace(route, m => fills.TryGetValue(m.Groups[1].Value, out var v) ? v
            : throw new InvalidOperationException($"The walk does not know what to put in {{{m.Groups[1].Value}}}; add it here."));
        var span = new List<string>();
        if (query.Contains("from")) span.Add("from=2024-01-01");
        if (query.Contains("to")) span.Add("to=2026-12-31");
        yield return Url(path, span);
        foreach (var (name, value) in new[]
                 {
                     ("facilityId", fills["facilityId"]), ("format", "csv"), ("asOf", "2025-06-01"), ("knownAt", "2026-12-31T00:00:00Z"),
                     ("subjectId", fills["inmateId"]), ("limit", "1000"),
                 }.Where(v => query.Contains(v.Item1)))
            yield return Url(path, [.. span, $"{name}={Uri.EscapeDataString(value)}"]);
    }

    private static string Url(string path, IEnumerable<string> query) => query.Any() ? $"{path}?{string.Join('&', query)}" : path;

    private static IEnumerable<string> PageCalls(Guid inmate, Guid facility) =>
    [
        $"/inmates/{inmate}", $"/read-models/inmates/{inmate}/timeline", $"/oversight/inmates/{inmate}/findings",
        $"/oversight/inmates/{inmate}/findings?asOf=2025-06-01", $"/oversight/facilities/{facility}/notifications",
        $"/oversight/facilities/{facility}/report?from=2025-01-01&to=2026-12-31", $"/oversight/facilities/{facility}/report?from=2025-01-01&to=2026-12-31&format=csv",
        $"/oversight/facilities/{facility}/report?from=2025-01-01&to=2026-12-31&asOf=2025-06-01", $"/read-models/compliance/inmates/{inmate}",
        $"/read-models/compliance/facilities/{facility}", $"/read-models/dashboard?facilityId={facility}", "/compliance", "/dashboard",
        $"/inmates/{inmate}/complaints", "/oversight/rules",
    ];

    [GeneratedRegex(@"\{([A-Za-z]+)(:[^}]*)?\}")]
    private static partial Regex RouteParameter();
}
