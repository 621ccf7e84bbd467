using FluentAssertions;
using Microsoft.Playwright;
using Xunit;

namespace SecondChance.EndToEnd.Tests;

public sealed partial class Pages
{
    [Fact]
    public async Task Partners_page_lists_the_demo_partners_and_orders_and_the_dashboard_shows_market_access_and_readiness_per_goal()
    {
        await using var context = await fx.NewContextAsync();
        var page = await fx.SignedInPageAsync(context);
        await page.GotoAsync($"/market?facilityId={Karachi}");
        await page.Locator("#order-list").WaitForAsync();
        var orders = await BrowserFixture.GetJsonAsync(context, $"/orders?facilityId={Karachi}");
        orders.GetProperty("totalCount").GetInt32().Should().Be(2);
        await Assertions.Expect(page.Locator("#order-list tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#order-list [data-status='Completed']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#partner-list")).ToContainTextAsync("Arts Council of Pakistan, Karachi");
        await ShotAsync(page, "partners");

        await page.ClickAsync("#language");
        await page.Locator("html[dir='rtl']").WaitForAsync();
        await Assertions.Expect(page.Locator("#order-list [data-status='Completed']")).ToHaveTextAsync("مکمل");
        await ShotAsync(page, "partners-urdu");
        await page.ClickAsync("#language");
        await page.Locator("html[dir='ltr']").WaitForAsync();

        await page.GotoAsync($"/dashboard?facilityId={Karachi}");
        await page.Locator("#sales-by-channel").WaitForAsync();
        await Assertions.Expect(page.Locator("#sales-by-channel")).ToContainTextAsync("Partner order");
        await Assertions.Expect(page.Locator("#sales-by-partner")).ToContainTextAsync("Arts Council of Pakistan, Karachi");
        (await page.Locator("#chart-market").CountAsync()).Should().Be(1);
        var due = (await BrowserFixture.GetJsonAsync(context, $"/read-models/dashboard?facilityId={Karachi}")).GetProperty("releasesDue");
        due.GetArrayLength().Should().BeGreaterThan(0, "the demo has releases due in Karachi");
        (await page.Locator("#releases-due .readiness").First.Locator(".badge").CountAsync())
            .Should().Be(due[0].GetProperty("readiness").GetArrayLength());
    }
}
