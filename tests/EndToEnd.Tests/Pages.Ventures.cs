using FluentAssertions;
using Microsoft.Playwright;
using Xunit;

namespace SecondChance.EndToEnd.Tests;

/// <summary>The Peshawar IT pilot's ventures on the dashboard and on a founder's journey, in English and Urdu.</summary>
public sealed partial class Pages
{
    private static readonly Guid Peshawar = Demo("facility:peshawar");

    [Fact]
    public async Task Dashboard_shows_the_venture_funds_money_and_ventures_by_stage_and_a_founders_journey_shows_the_venture_in_both_languages()
    {
        await using var context = await fx.NewContextAsync();
        var page = await fx.SignedInPageAsync(context);
        var from = DateTime.UtcNow.AddMonths(-23);
        var view = await BrowserFixture.GetJsonAsync(context,
            $"/read-models/dashboard?facilityId={Peshawar}&from={new DateOnly(from.Year, from.Month, 1):yyyy-MM-dd}");
        long Amount(string metric) => view.GetProperty("monthly").EnumerateArray().Where(m => m.GetProperty("metric").GetString() == metric)
            .Sum(m => m.GetProperty("amountMinor").GetInt64());
        Amount("venture_grant").Should().Be(25_000_000, "the demo funds two Peshawar ventures");

        await page.GotoAsync($"/dashboard?facilityId={Peshawar}");
        await page.Locator("#ventures").WaitForAsync();
        Plain(await page.TextContentAsync("[data-figure='venture-grants'] .value")).Should().Be(Rupees(Amount("venture_grant")));
        Plain(await page.TextContentAsync("[data-figure='venture-returned'] .value")).Should().Be(Rupees(Amount("venture_returned")));
        var table = await page.TextContentAsync("#ventures");
        table.Should().Contain("Central Jail Peshawar").And.Contain("Funded").And.Contain("IT");

        await page.GotoAsync($"/journey?inmate={Demo("inmate:ventures:0")}");
        await page.Locator("#timeline tbody tr").First.WaitForAsync();
        (await page.TextContentAsync("#timeline")).Should().Contain("Proposed the venture Khyber Web Studio (IT)")
            .And.Contain("Venture Khyber Web Studio reached a milestone: first month profitable");

        await page.ClickAsync("#language");
        await page.Locator("html[dir='rtl']").WaitForAsync();
        await page.Locator("#timeline tbody tr").First.WaitForAsync();
        (await page.TextContentAsync("#timeline")).Should().Contain("کاروباری منصوبہ").And.Contain("Khyber Web Studio").And.NotContain("Proposed the venture");
        await page.GotoAsync($"/dashboard?facilityId={Peshawar}");
        await page.Locator("#ventures").WaitForAsync();
        (await page.TextContentAsync("#ventures")).Should().Contain("گرانٹ یافتہ");
        await ShotAsync(page, "dashboard-ventures-urdu");
        await page.ClickAsync("#language");
        await page.Locator("html[dir='ltr']").WaitForAsync();
    }
}
