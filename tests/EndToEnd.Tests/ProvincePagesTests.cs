using System.Security.Cryptography;
using FluentAssertions;
using Microsoft.Playwright;
using SecondChance.Testing;
using Xunit;

namespace SecondChance.EndToEnd.Tests;

/// <summary>
/// The demo in two provinces, served by a Host with provinces on: the national ombudsman picks the province the pages
/// read in the header, and the pages show that province's jail only; a provincial administrator has no such choice.
/// </summary>
public sealed class ProvincePagesTests(ProvincePagesTests.Fixture fx) : IClassFixture<ProvincePagesTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public string Password { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
        public HostProcess Host { get; private set; } = null!;
        public IPlaywright Playwright { get; private set; } = null!;
        public IBrowser Browser { get; private set; } = null!;
        private string _connectionString = "";

        private Dictionary<string, string?> Environment => new()
        {
            ["ConnectionStrings__SecondChance"] = _connectionString, ["Tenancy__Provinces"] = "true", ["SECONDCHANCE_ADMIN_PASSWORD"] = Password,
        };

        public async Task InitializeAsync()
        {
            _connectionString = await PostgresServer.CreateDatabaseAsync("e2e_provinces");
            var seeded = await HostProcess.RunAsync(Environment, "seed-demo", "--provinces", "--inmates", "10");
            seeded.ExitCode.Should().Be(0, seeded.Errors);
            Host = await HostProcess.StartAsync(_connectionString, Environment);
            Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
            Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = "/usr/bin/chromium", Headless = true,
                Args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
            });
        }

        public async Task<IPage> SignedInAsync(string username)
        {
            var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Host.BaseAddress.ToString().TrimEnd('/'), Locale = "en-GB" });
            var page = await context.NewPageAsync();
            await page.GotoAsync("/sign-in");
            await page.FillAsync("#username", username);
            await page.FillAsync("#password", Password);
            await page.ClickAsync("#sign-in-submit");
            await page.WaitForURLAsync("**/dashboard");
            return page;
        }

        public async Task DisposeAsync()
        {
            if (Browser is not null) await Browser.DisposeAsync();
            Playwright?.Dispose();
            if (Host is not null) await Host.DisposeAsync();
            if (_connectionString.Length == 0) return;
            foreach (var suffix in new[] { "_sindh", "_kp" })
                await PostgresServer.DropDatabaseAsync(new Npgsql.NpgsqlConnectionStringBuilder(_connectionString)
                    { Database = new Npgsql.NpgsqlConnectionStringBuilder(_connectionString).Database + suffix }.ConnectionString);
            await PostgresServer.DropDatabaseAsync(_connectionString);
        }
    }

    private static async Task<IReadOnlyList<string>> FacilitiesShownAsync(IPage page)
    {
        await page.WaitForSelectorAsync("#facility option >> nth=1", new() { State = WaitForSelectorState.Attached });
        return await page.Locator("#facility option").AllTextContentsAsync();
    }

    /// <summary>Waits for the page reloaded after the choice to list <paramref name="facility"/>.</summary>
    private static Task ShowsAsync(IPage page, string facility) => page.WaitForFunctionAsync(
        "name => [...document.querySelectorAll('#facility option')].some(o => o.textContent === name)", facility);

    [Fact]
    public async Task The_national_ombudsman_picks_a_province_and_the_pages_read_that_provinces_jail_only()
    {
        var page = await fx.SignedInAsync("federal.ombudsman");
        // the header is drawn once /auth/me answers, which the page's load event does not wait for
        await page.WaitForSelectorAsync("#province option >> nth=2", new() { State = WaitForSelectorState.Attached });
        (await page.Locator("#province option").EvaluateAllAsync<string[]>("os => os.map(o => o.value)")).Should().Equal("", "sindh", "kp");

        await page.SelectOptionAsync("#province", "kp");
        await ShowsAsync(page, "Central Jail Peshawar");
        (await FacilitiesShownAsync(page)).Should().Contain("Central Jail Peshawar").And.NotContain("Central Jail Karachi");
        (await page.InputValueAsync("#province")).Should().Be("kp");

        await page.SelectOptionAsync("#province", "sindh");
        await ShowsAsync(page, "Central Jail Karachi");
        (await FacilitiesShownAsync(page)).Should().Contain("Central Jail Karachi").And.NotContain("Central Jail Peshawar");
    }

    [Fact]
    public async Task A_provincial_administrator_reads_their_own_province_with_no_choice_of_another()
    {
        var page = await fx.SignedInAsync("kp.admin");
        (await FacilitiesShownAsync(page)).Should().Contain("Central Jail Peshawar").And.NotContain("Central Jail Karachi");
        (await page.Locator("#province").CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task A_national_administrator_disables_a_province_with_a_reason_on_the_provinces_page_and_enables_it_again()
    {
        var page = await fx.SignedInAsync("national.admin");
        await page.ClickAsync("nav a[href='/provinces']");
        await page.WaitForSelectorAsync("#province-list button[data-disable='kp']");

        await page.ClickAsync("button[data-disable='kp']");
        await page.WaitForSelectorAsync("#province-messages [role=alert]");
        (await page.Locator("#province-list button[data-disable='kp']").CountAsync()).Should().Be(1, "a province is not disabled without a reason");

        await page.FillAsync("#reason-kp", "Database server maintenance");
        await page.ClickAsync("button[data-disable='kp']");
        await page.WaitForSelectorAsync("#province-list button[data-enable='kp']");
        try
        {
            (await page.Locator("#province-list tr", new() { HasText = "Khyber" }).TextContentAsync()).Should().Contain("Database server maintenance");
            var kp = await fx.SignedInAsync("kp.admin");
            await kp.WaitForSelectorAsync("[role=alert]");
            (await kp.Locator("[role=alert]").First.TextContentAsync()).Should().Contain("disabled").And.Contain("Database server maintenance");
            (await kp.Locator("#signed-in-user").CountAsync()).Should().Be(1, "the header is drawn");
            (await kp.Locator("nav a[href='/provinces']").CountAsync()).Should().Be(0, "only national administrators manage provinces");
        }
        finally
        {
            await page.ClickAsync("button[data-enable='kp']");
            await page.WaitForSelectorAsync("#province-list button[data-disable='kp']");
        }
        var again = await fx.SignedInAsync("kp.admin");
        (await FacilitiesShownAsync(again)).Should().Contain("Central Jail Peshawar");
    }
}
