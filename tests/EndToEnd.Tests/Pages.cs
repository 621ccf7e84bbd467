using System.Text.Json;
using FluentAssertions;
using Microsoft.Playwright;
using Xunit;

namespace SecondChance.EndToEnd.Tests;

/// <summary>
/// The pages in headless Chromium against a seeded Host; each test also keeps a screenshot (in a temporary folder, or
/// in docs/screenshots through scripts/screenshots.sh).
/// </summary>
public sealed partial class Pages(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    private static readonly Guid Karachi = Demo("facility:karachi");

    private static Guid Demo(string name) => SecondChance.Host.Demo.DemoWorld.Id(name);

    private static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"{name}.png"), FullPage = true });

    [Fact]
    public async Task Signed_in_dashboard_shows_the_figures_the_API_returns()
    {
        await using var context = await fx.NewContextAsync();
        var page = await fx.SignedInPageAsync(context);
        await page.Locator("#signed-in-role").WaitForAsync();
        (await page.TextContentAsync("#signed-in-user")).Should().Contain("Welfare Administrator");
        (await page.TextContentAsync("#signed-in-role")).Should().Be("Administrator");

        await page.Locator("[data-figure='in-custody'] .value").WaitForAsync();
        var from = DateTime.UtcNow.AddMonths(-23);
        var view = await BrowserFixture.GetJsonAsync(context, $"/read-models/dashboard?from={new DateOnly(from.Year, from.Month, 1):yyyy-MM-dd}");
        long Inmates(string status) => view.GetProperty("inmates").EnumerateArray().Where(s => s.GetProperty("status").GetString() == status)
            .Sum(s => s.GetProperty("inmates").GetInt64());
        long Monthly(string metric) => view.GetProperty("monthly").EnumerateArray().Where(m => m.GetProperty("metric").GetString() == metric)
            .Sum(m => m.GetProperty("count").GetInt64());
        Inmates("admitted").Should().BeGreaterThan(0);
        (await Figure(page, "in-custody")).Should().Be(Inmates("admitted").ToString());
        (await Figure(page, "released")).Should().Be(Inmates("released").ToString());
        (await Figure(page, "enrolments")).Should().Be(Monthly("enrolled").ToString());
        (await Figure(page, "certifications")).Should().Be(Monthly("certified").ToString());
        (await Figure(page, "items-sold")).Should().Be(Monthly("sold").ToString());
        (await page.Locator("#chart-enrolments").CountAsync()).Should().Be(1);
        (await page.EvaluateAsync<bool>("typeof Chart !== 'undefined'")).Should().BeTrue("Chart.js is served by the Host");
        // the demo's release plans scheduled their readiness reminders; those already due are listed
        var reminders = (await BrowserFixture.GetJsonAsync(context, "/read-models/release-reminders")).GetArrayLength();
        await Assertions.Expect(page.Locator("#reminders-count")).ToHaveTextAsync($"({reminders})");
        await ShotAsync(page, "dashboard");

        await page.SelectOptionAsync("#facility", Karachi.ToString());
        await page.WaitForURLAsync($"**/dashboard?facilityId={Karachi}");
        await page.Locator("[data-figure='in-custody'] .value").WaitForAsync();
        var karachi = await BrowserFixture.GetJsonAsync(context, $"/read-models/dashboard?facilityId={Karachi}");
        var inKarachi = karachi.GetProperty("inmates").EnumerateArray().Where(s => s.GetProperty("status").GetString() == "admitted")
            .Sum(s => s.GetProperty("inmates").GetInt64());
        await Assertions.Expect(page.Locator("[data-figure='in-custody'] .value")).ToHaveTextAsync(inKarachi.ToString());

        await page.ClickAsync("#language");
        await page.Locator("html[dir='rtl']").WaitForAsync();
        (await page.GetAttributeAsync("html", "lang")).Should().Be("ur");
        // the language button reloads the page: wait for the figures and the font before the picture
        await page.Locator("[data-figure='in-custody'] .value").WaitForAsync();
        await page.Locator("#chart-enrolments").WaitForAsync();
        await page.EvaluateAsync("document.fonts.ready");
        await ShotAsync(page, "dashboard-urdu");
        await page.ClickAsync("#language");
        await page.Locator("html[dir='ltr']").WaitForAsync();
    }

    [Fact]
    public async Task Inmate_journey_shows_the_timeline_with_who_recorded_it()
    {
        await using var context = await fx.NewContextAsync();
        var page = await fx.SignedInPageAsync(context);
        await page.GotoAsync("/journey");
        await page.Locator("#inmates a.journey-link").First.WaitForAsync();
        await ShotAsync(page, "inmates");
        await page.GotoAsync($"/journey?inmate={Demo("inmate:0")}");
        await page.Locator("#timeline tbody tr").First.WaitForAsync();
        (await page.Locator("#timeline tbody tr").CountAsync()).Should().BeGreaterThan(2);
        (await page.TextContentAsync("#timeline")).Should().Contain("Admitted as").And.Contain("demo:welfare.officer");
        await ShotAsync(page, "journey");
    }

    [Fact]
    public async Task The_inmate_list_pages_through_every_inmate_and_finds_one_by_prisoner_number()
    {
        await using var context = await fx.NewContextAsync();
        var page = await fx.SignedInPageAsync(context);
        var total = (await BrowserFixture.GetJsonAsync(context, "/inmates?pageSize=1")).GetProperty("totalCount").GetInt64();
        total.Should().BeGreaterThan(50, "the demo has more inmates than one page holds");
        var rows = page.Locator("#inmates tbody tr");

        await page.GotoAsync("/journey");
        await rows.First.WaitForAsync();
        (await rows.CountAsync()).Should().Be(50);
        (await page.TextContentAsync("#page-status")).Should().Be($"1–50 of {total}");
        (await page.IsDisabledAsync("#previous-page")).Should().BeTrue();

        await page.ClickAsync("#next-page");
        await page.WaitForURLAsync("**/journey?page=2");
        await Assertions.Expect(page.Locator("#page-status")).ToHaveTextAsync($"51–{total} of {total}");
        (await rows.CountAsync()).Should().Be((int)total - 50);
        (await page.IsDisabledAsync("#next-page")).Should().BeTrue();

        var wanted = (await BrowserFixture.GetJsonAsync(context, $"/inmates/{Demo("inmate:7")}")).GetProperty("details").GetProperty("prisonerNumber").GetString()!;
        await page.FillAsync("#inmate-search", wanted);
        await page.ClickAsync("#inmate-search-submit");
        await Assertions.Expect(page.Locator("#page-status")).ToHaveTextAsync("1–1 of 1");
        (await page.TextContentAsync("#inmates tbody")).Should().Contain(wanted);
        page.Url.Should().Contain($"search={Uri.EscapeDataString(wanted)}").And.NotContain("page=");
    }

    [Fact]
    public async Task Statement_names_the_inmate_and_takes_an_effective_date_and_a_known_at_instant_that_its_CSV_carries_too()
    {
        await using var context = await fx.NewContextAsync();
        var page = await fx.SignedInPageAsync(context);
        var inmate = await InmateWithPostingsAsync(context);
        await page.GotoAsync($"/statement?inmate={inmate.Id}");
        await page.Locator("#statement-lines tbody tr").First.WaitForAsync();
        (await page.Locator("#statement-lines tbody tr").CountAsync()).Should().Be(inmate.Effective.Count);
        await Assertions.Expect(page.Locator("#statement-of")).ToContainTextAsync(inmate.PrisonerNumber);
        await ShotAsync(page, "statement");

        // the first day a posting took effect at the facility: only that day's postings are in effect by its end
        var first = inmate.Effective[0];
        var inEffect = inmate.Effective.Count(d => d <= first);
        await page.FillAsync("#as-of", first.ToString("yyyy-MM-dd"));
        await page.DispatchEventAsync("#as-of", "change");
        await Assertions.Expect(page.Locator("#statement-lines tbody tr")).ToHaveCountAsync(inEffect);
        var csv = await DownloadAsync(page);
        csv.Should().HaveCount(inEffect + 1, "a header and one row per posting in effect");
        csv.Skip(1).Should().OnlyContain(r => r.Contains($",{first:yyyy-MM-dd},"));

        // nothing had been recorded in 2000: the record as known then is empty, whatever the date
        await page.FillAsync("#known-at", "2000-01-01T00:00");
        await page.DispatchEventAsync("#known-at", "change");
        await page.Locator("#statement-empty").WaitForAsync();
        await Assertions.Expect(page.Locator("[data-balance='savings'] .value")).ToHaveTextAsync("0.00");
        (await page.GetAttributeAsync("#download-csv", "href")).Should().Contain("knownAt=").And.Contain($"asOf={first:yyyy-MM-dd}");
        (await DownloadAsync(page)).Should().HaveCount(1);
    }

    private static async Task<string[]> DownloadAsync(IPage page)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-csv"));
        var path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.csv");
        await download.SaveAsAsync(path);
        var rows = await File.ReadAllLinesAsync(path);
        File.Delete(path);
        return rows.Where(r => r.Length > 0).ToArray();
    }

    [Fact]
    public async Task The_journey_of_a_demo_inmate_who_died_in_custody_says_so_and_the_compliance_page_lists_each_new_rule()
    {
        await using var context = await fx.NewContextAsync();
        var page = await fx.SignedInPageAsync(context);
        await page.GotoAsync($"/journey?inmate={Demo("inmate:rights:2")}");
        await page.Locator("#timeline tbody tr").First.WaitForAsync();
        (await page.TextContentAsync("[data-fact='status']")).Should().Contain("Died in custody");
        (await page.TextContentAsync("#timeline")).Should().Contain("Death in custody").And.Contain("Incident reported to");

        await page.GotoAsync($"/compliance?facilityId={Karachi}");
        await page.Locator("details.finding").First.WaitForAsync();
        foreach (var rule in new[] { "prohibited_instrument", "restraint_as_punishment", "prolonged_restraint", "restraint_of_woman_in_labour",
                     "custody_death_not_reported", "family_not_notified", "investigation_open", "mother_without_child_contact",
                     "complaint_unanswered", "possible_reprisal", "ward_over_capacity", "plan_missing" })
            (await page.Locator($"h2.rule[data-rule='{rule}']").CountAsync()).Should().Be(1, rule);
    }

    [Fact]
    public async Task Compliance_page_shows_a_finding_with_its_evidence_and_offers_the_report()
    {
        await using var context = await fx.NewContextAsync();
        var page = await fx.SignedInPageAsync(context);
        await page.GotoAsync($"/compliance?facilityId={Karachi}");
        var finding = page.Locator("details.finding").First;
        await finding.WaitForAsync();
        await finding.Locator("summary").ClickAsync();
        (await finding.Locator("ol.evidence li").CountAsync()).Should().BeGreaterThan(0);
        (await finding.Locator("ol.evidence li").First.TextContentAsync()).Should().Contain("inmate-");
        await Assertions.Expect(page.Locator("#notifications-count")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\(\d+\)$"));
        await ShotAsync(page, "compliance");

        var href = await page.GetAttributeAsync("#download-report", "href");
        var report = await context.APIRequest.GetAsync(href!);
        report.Ok.Should().BeTrue();
        (await report.TextAsync()).Should().Contain(",");
    }

    [Fact]
    public async Task Projection_status_lists_every_projection_for_an_administrator()
    {
        await using var context = await fx.NewContextAsync();
        var page = await fx.SignedInPageAsync(context);
        await page.GotoAsync("/projections");
        await page.Locator("#projection-status tbody tr").First.WaitForAsync();
        (await page.Locator("#projection-status tbody tr").CountAsync()).Should().BeGreaterThan(3);
        await ShotAsync(page, "projections");
    }

    [Fact]
    public async Task Signed_out_visitor_sees_the_marketplace_but_not_the_dashboard()
    {
        await using var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/marketplace");
        await page.Locator("#catalogue .card").First.WaitForAsync();
        (await page.Locator("#signed-in-user").CountAsync()).Should().Be(0);
        await ShotAsync(page, "marketplace");

        await page.GotoAsync("/dashboard");
        await page.WaitForURLAsync("**/sign-in?returnUrl=*");
        (await page.Locator("[data-figure]").CountAsync()).Should().Be(0);
        (await context.APIRequest.GetAsync("/read-models/dashboard")).Status.Should().Be(401);
        await ShotAsync(page, "sign-in");

        await using var phone = await fx.NewContextAsync(390, 844);
        var small = await phone.NewPageAsync();
        await small.GotoAsync("/marketplace");
        await small.Locator("#catalogue .card").First.WaitForAsync();
        (await small.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth")).Should().BeTrue("no sideways scrolling on a phone");
        await ShotAsync(small, "marketplace-phone");
    }

    [Fact]
    public async Task Stored_markup_is_shown_as_text_never_run()
    {
        await using var context = await fx.NewContextAsync();
        var page = await fx.SignedInPageAsync(context);
        const string name = "<img src=x onerror=\"window.__xss=1\">";
        const string authority = "<script>window.__xss=2</script>";
        var admitted = await context.APIRequest.PostAsync("/inmates", new APIRequestContextOptions
        {
            DataObject = new
            {
                facilityId = Karachi, prisonerNumber = "CJK-XSS-0001", fullName = name, cnic = "42101-7777777-1", sex = "Male",
                dateOfBirth = "1990-01-01", legalStatus = "Remand", committalAuthority = authority, admittedAt = DateTimeOffset.UtcNow.AddHours(-1),
            },
        });
        admitted.Ok.Should().BeTrue(await admitted.TextAsync());
        var id = (await admitted.JsonAsync())!.Value.GetProperty("id").GetString();
        // the timeline is a read model kept by the projection daemon: the page shows what it holds when it loads
        await BrowserFixture.WaitForProjectionsAsync(context);
        await page.GotoAsync($"/journey?inmate={id}");
        await page.Locator("#timeline tbody tr").First.WaitForAsync(new() { Timeout = 15000 });
        (await page.TextContentAsync("[data-fact='name']")).Should().Contain(name);
        (await page.TextContentAsync("#timeline")).Should().Contain(authority);
        (await page.Locator("#app img, #app script").CountAsync()).Should().Be(0);
        (await page.EvaluateAsync<JsonElement>("window.__xss ?? null")).ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task The_rebuild_verb_rebuilds_and_exits_without_taking_the_web_port()
    {
        // a serving Host already holds the port the verb would be given
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;

        var output = await HostProcess.RunVerbAsync(fx.ConnectionString, "", "rebuild", "timeline", "--urls", $"http://127.0.0.1:{port}");

        output.Should().Contain("Rebuilt timeline.");
    }

    private static async Task<string> Figure(IPage page, string key) => (await page.TextContentAsync($"[data-figure='{key}'] .value"))!.Trim();

    /// <summary>Effective holds the local date each posting took effect at the facility, in statement order.</summary>
    private sealed record InmateLines(Guid Id, string PrisonerNumber, IReadOnlyList<DateOnly> Effective);

    /// <summary>A demo inmate whose postings took effect on more than one day.</summary>
    private static async Task<InmateLines> InmateWithPostingsAsync(IBrowserContext context)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Karachi");
        for (var i = 0; i < BrowserFixture.DemoInmates; i++)
        {
            var id = Demo($"inmate:{i}");
            var lines = await BrowserFixture.GetJsonAsync(context, $"/read-models/wages/inmates/{id}/statement");
            var days = lines.EnumerateArray()
                .Select(l => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(l.GetProperty("occurredAt").GetDateTimeOffset(), zone).DateTime)).ToList();
            if (days.Distinct().Count() < 2) continue;
            var view = await BrowserFixture.GetJsonAsync(context, $"/inmates/{id}");
            return new InmateLines(id, view.GetProperty("state").GetProperty("prisonerNumber").GetString()!, days);
        }
        throw new InvalidOperationException("No demo inmate has wage postings on two days.");
    }
}
