using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using FluentAssertions;
using Microsoft.Playwright;
using Xunit;

namespace SecondChance.EndToEnd.Tests;

/// <summary>What a new user reads: names rather than ids, money that fits, Urdu that renders, pages that fit a phone.</summary>
public sealed partial class Pages
{
    private const int Phone = 390;

    [GeneratedRegex("[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Id();

    /// <summary>Text without the Unicode isolates a right-to-left page puts around numbers and dates.</summary>
    private static string Plain(string? text) => Regex.Replace(text ?? "", "[\u2066-\u2069]", "").Trim();

    private static Task UrduAsync(IBrowserContext context) => context.AddInitScriptAsync("localStorage.setItem('sc-lang', 'ur')");

    private static string Rupees(long minor) => (minor / 100m).ToString("#,0.00", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("en", 1280)]
    [InlineData("ur", 1280)]
    [InlineData("en", Phone)]
    [InlineData("ur", Phone)]
    public async Task Money_figures_fit_their_cards_and_read_the_same_in_English_and_Urdu(string language, int width)
    {
        await using var context = await fx.NewContextAsync(width, 900);
        var page = await fx.SignedInPageAsync(context);
        if (language == "ur") await UrduAsync(context);
        var from = DateTime.UtcNow.AddMonths(-23);
        var view = await BrowserFixture.GetJsonAsync(context, $"/read-models/dashboard?from={new DateOnly(from.Year, from.Month, 1):yyyy-MM-dd}");
        long Amount(string metric, bool? female = null) => view.GetProperty("monthly").EnumerateArray()
            .Where(m => m.GetProperty("metric").GetString() == metric && (female is null || m.GetProperty("female").GetBoolean() == female))
            .Sum(m => m.GetProperty("amountMinor").GetInt64());

        await page.GotoAsync("/dashboard");
        await page.Locator("[data-figure='proceeds'] .value").WaitForAsync();
        (await page.GetAttributeAsync("html", "lang")).Should().Be(language);

        Amount("proceeds").Should().BeGreaterThan(100_000_00, "the demo's proceeds run to lakhs of rupees");
        foreach (var (key, minor) in new[] { ("proceeds", Amount("proceeds")), ("earnings", Amount("earnings")), ("women-earnings", Amount("earnings", true)) })
        {
            var value = page.Locator($"[data-figure='{key}'] .value");
            Plain(await value.TextContentAsync()).Should().Be(Rupees(minor), key);
            (await value.EvaluateAsync<bool>("v => v.scrollWidth <= v.clientWidth")).Should().BeTrue($"{key} fits its card at {width}px in {language}");
            var card = await page.Locator($"[data-figure='{key}']").BoundingBoxAsync();
            var text = await value.EvaluateAsync<JsonElement>("v => { const r = document.createRange(); r.selectNodeContents(v); const b = r.getBoundingClientRect(); return { left: b.left, right: b.right }; }");
            text.GetProperty("left").GetDouble().Should().BeGreaterThanOrEqualTo(card!.X, $"{key} starts inside its card");
            text.GetProperty("right").GetDouble().Should().BeLessThanOrEqualTo(card.X + card.Width, $"{key} ends inside its card");
        }
        if (language == "ur")
        {
            var legends = await page.EvaluateAsync<string[]>("Chart.getChart('chart-enrolments').data.datasets.map(d => d.label)");
            legends.Should().NotBeEmpty().And.Contain("کڑھائی").And.NotContain("Embroidery");
            (await page.EvaluateAsync<string>("Chart.getChart('chart-enrolments').options.plugins.legend.labels.font.family")).Should().Contain("Noto Nastaliq Urdu");
        }
        if (width == Phone && language == "ur") await ShotAsync(page, "dashboard-phone-urdu");
    }

    [Fact]
    public async Task Journey_names_the_mentor_and_recorder_and_says_it_in_Urdu_with_dates_kept_whole()
    {
        await using var context = await fx.NewContextAsync();
        var page = await fx.SignedInPageAsync(context);
        var admitted = await context.APIRequest.PostAsync("/inmates", new APIRequestContextOptions
        {
            DataObject = new
            {
                facilityId = Karachi, prisonerNumber = "CJK-NAMES-0001", fullName = "Sajid Memon", cnic = "42101-7777777-3", sex = "Male",
                dateOfBirth = "1991-02-03", legalStatus = "Remand", committalAuthority = "Sessions Court Karachi", admittedAt = DateTimeOffset.UtcNow.AddDays(-3),
            },
        });
        admitted.Ok.Should().BeTrue(await admitted.TextAsync());
        var id = (await admitted.JsonAsync())!.Value.GetProperty("id").GetString();
        var mentor = await context.APIRequest.PutAsync($"/inmates/{id}/mentor", new APIRequestContextOptions
        {
            DataObject = new { mentorId = Demo("mentor:2"), assignedAt = DateTimeOffset.UtcNow.AddDays(-2) },
        });
        mentor.Ok.Should().BeTrue(await mentor.TextAsync());
        var credit = await context.APIRequest.PostAsync($"/inmates/{id}/wage-account/credits", new APIRequestContextOptions
        {
            DataObject = new { kind = "Wage", amountMinor = 162_500, currency = "PKR", description = "Tailoring wages", creditedAt = DateTimeOffset.UtcNow.AddDays(-1) },
        });
        credit.Ok.Should().BeTrue(await credit.TextAsync());
        await BrowserFixture.WaitForProjectionsAsync(context);

        await page.GotoAsync($"/journey?inmate={id}");
        await page.Locator("#timeline tbody tr").First.WaitForAsync();
        (await page.TextContentAsync("[data-fact='mentor']")).Should().Contain("Bilal Ahmed");
        var timeline = await page.TextContentAsync("#timeline");
        timeline.Should().Contain("Mentor Bilal Ahmed (Prisoners' Aid Karachi) assigned").And.Contain("Wage credited PKR 1,625.00: Tailoring wages")
            .And.Contain("Welfare Administrator");
        Id().IsMatch(timeline!).Should().BeFalse("the timeline names people and things, never by id");

        await page.ClickAsync("#language");
        await page.Locator("html[dir='rtl']").WaitForAsync();
        await page.Locator("#timeline tbody tr").First.WaitForAsync();
        var urdu = await page.TextContentAsync("#timeline");
        urdu.Should().Contain("رہنما").And.Contain("Bilal Ahmed").And.Contain("1,625.00").And.NotContain("Mentor Bilal Ahmed");
        var when = await page.Locator("#timeline tbody tr td").First.TextContentAsync();
        when.Should().StartWith("\u2068").And.EndWith("\u2069", "a date in right-to-left text is isolated so it reads in its own order");
        await page.ClickAsync("#language");
        await page.Locator("html[dir='ltr']").WaitForAsync();
    }

    [Fact]
    public async Task Compliance_names_each_rule_by_title_and_each_inmate_by_name_and_prisoner_number()
    {
        await using var context = await fx.NewContextAsync();
        var page = await fx.SignedInPageAsync(context);
        await page.GotoAsync($"/compliance?facilityId={Karachi}");
        var finding = page.Locator("details.finding").First;
        await finding.WaitForAsync();
        var href = await page.GetAttributeAsync("#download-report", "href");
        var report = await BrowserFixture.GetJsonAsync(context, href!.Replace("&format=csv", ""));
        var first = report.GetProperty("findings").EnumerateArray().GroupBy(f => f.GetProperty("ruleCode").GetString()).First().First();

        (await page.Locator("h2.rule").First.TextContentAsync()).Should().Contain(first.GetProperty("ruleTitle").GetString()).And
            .Contain(first.GetProperty("ruleCode").GetString());
        (await finding.Locator("summary a.inmate").TextContentAsync()).Should()
            .Be($"{first.GetProperty("fullName").GetString()} ({first.GetProperty("prisonerNumber").GetString()})");
        var count = report.GetProperty("counts").EnumerateArray().First(c => c.GetProperty("total").GetInt32() > 0);
        (await page.Locator("#rule-counts tbody tr").First.TextContentAsync()).Should().Contain(count.GetProperty("title").GetString()).And
            .Contain(count.GetProperty("ruleCode").GetString());
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ur")]
    public async Task On_a_phone_the_header_shows_every_page_link_whole_and_the_journey_does_not_scroll_sideways(string language)
    {
        await using var context = await fx.NewContextAsync(Phone, 844);
        var page = await fx.SignedInPageAsync(context);
        if (language == "ur") await UrduAsync(context);
        await page.GotoAsync($"/journey?inmate={Demo("inmate:0")}");
        await page.Locator("#timeline tbody tr").First.WaitForAsync();

        var link = await page.Locator("header.site nav a[href='/compliance']").BoundingBoxAsync();
        link!.X.Should().BeGreaterThanOrEqualTo(0);
        (link.X + link.Width).Should().BeLessThanOrEqualTo(Phone, "the Compliance link is shown whole");
        (await page.EvaluateAsync<bool>("(() => { const n = document.querySelector('header.site nav'); return n.scrollWidth <= n.clientWidth; })()"))
            .Should().BeTrue("the navigation does not hide links behind a sideways scroll");
        (await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth")).Should().BeTrue("the page does not scroll sideways");
        (await page.EvaluateAsync<bool>("(() => { const w = document.querySelector('#timeline').closest('.table-wrap'); return w.scrollWidth <= w.clientWidth; })()"))
            .Should().BeTrue("the timeline does not scroll sideways");
        if (language == "ur") await ShotAsync(page, "journey-phone-urdu");
    }

    [Fact]
    public async Task Marketplace_shows_one_page_of_items_at_a_time_and_pages_on()
    {
        await using var context = await fx.NewContextAsync();
        var all = await BrowserFixture.GetJsonAsync(context, "/read-models/catalogue?limit=500");
        all.GetArrayLength().Should().BeGreaterThan(12, "the demo lists more than a page of items");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/marketplace");
        await page.Locator("#catalogue .card").First.WaitForAsync();

        (await page.Locator("#catalogue .card").CountAsync()).Should().Be(12);
        (await page.EvaluateAsync<int>("document.documentElement.scrollHeight")).Should().BeLessThan(2500);
        (await page.GetAttributeAsync("#catalogue .card >> nth=0", "data-item")).Should().Be(all[0].GetProperty("itemId").GetString());
        (await page.Locator("#catalogue-previous").IsDisabledAsync()).Should().BeTrue();

        await page.ClickAsync("#catalogue-next");
        await Assertions.Expect(page.Locator("#catalogue .card").First).ToHaveAttributeAsync("data-item", all[12].GetProperty("itemId").GetString()!);
        page.Url.Should().EndWith("?page=2");
        await page.ClickAsync("#catalogue-previous");
        await Assertions.Expect(page.Locator("#catalogue .card").First).ToHaveAttributeAsync("data-item", all[0].GetProperty("itemId").GetString()!);

        await using var phone = await fx.NewContextAsync(Phone, 844);
        var small = await phone.NewPageAsync();
        await small.GotoAsync("/marketplace");
        await small.Locator("#catalogue .card").First.WaitForAsync();
        (await small.EvaluateAsync<int>("document.documentElement.scrollHeight")).Should().BeLessThan(4000, "one page of cards, not the whole catalogue");
    }

    [Fact]
    public async Task Public_pages_ask_nobody_who_is_signed_in_and_log_no_errors()
    {
        await using var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();
        var failed = new List<string>();
        var asked = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") failed.Add($"console: {m.Text}"); };
        page.Response += (_, r) => { if (r.Status >= 400) failed.Add($"{r.Status} {r.Url}"); };
        page.Request += (_, r) => { if (r.Url.Contains("/auth/me")) asked.Add(r.Url); };

        await page.GotoAsync("/marketplace");
        await page.Locator("#catalogue .card").First.WaitForAsync();
        await page.GotoAsync("/sign-in");
        await page.Locator("#sign-in-form").WaitForAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        asked.Should().BeEmpty("a signed-out visitor's public page has no one to ask about");
        failed.Should().BeEmpty();
        (await page.Locator("#sign-in-link").CountAsync()).Should().Be(1);
    }

    [Fact]
    public async Task Urdu_letters_render_in_the_shipped_font()
    {
        await using var context = await fx.NewContextAsync();
        await UrduAsync(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/marketplace");
        await page.Locator("#catalogue .card").First.WaitForAsync();

        // the same two letters in the page's Urdu font, and two characters no font has (drawn as missing-glyph boxes):
        // with the font's glyphs for ہ and ے the widths differ; with none they are the same two boxes
        var measured = await page.EvaluateAsync<JsonElement>("""
            async () => {
              await document.fonts.load('40px "Noto Nastaliq Urdu"', 'ہے');
              const span = text => {
                const s = document.createElement('span');
                s.style.cssText = 'font: 40px "Noto Nastaliq Urdu"; position: absolute; white-space: nowrap';
                s.textContent = text;
                document.body.append(s);
                const width = s.getBoundingClientRect().width;
                s.remove();
                return width;
              };
              const faces = [...document.fonts].filter(f => f.family.replaceAll('"', '') === 'Noto Nastaliq Urdu' && f.status === 'loaded');
              return { loaded: faces.length, letters: span('ہے'), missing: span('\u{10FFFD}\u{10FFFD}'),
                       checked: document.fonts.check('40px "Noto Nastaliq Urdu"', 'ہے') };
            }
            """);

        measured.GetProperty("loaded").GetInt32().Should().BeGreaterThan(0, "the Host serves the Urdu font and the page loads it");
        measured.GetProperty("checked").GetBoolean().Should().BeTrue();
        measured.GetProperty("letters").GetDouble().Should().BeGreaterThan(0);
        measured.GetProperty("letters").GetDouble().Should().NotBeApproximately(measured.GetProperty("missing").GetDouble(), 0.5,
            "ہ and ے are drawn from the font, not as empty boxes");
        await ShotAsync(page, "marketplace-urdu");
    }

    [Fact]
    public void Screenshots_are_written_outside_the_repository_unless_asked_for()
    {
        var asked = Environment.GetEnvironmentVariable("SECONDCHANCE_SCREENSHOTS");
        var folder = Path.GetFullPath(BrowserFixture.ScreenshotFolder);

        if (string.IsNullOrEmpty(asked))
            folder.Should().NotStartWith(HostProcess.RepositoryRoot(), "a test run never rewrites committed files");
        else
            folder.Should().Be(Path.GetFullPath(asked, HostProcess.RepositoryRoot()));
    }
}
