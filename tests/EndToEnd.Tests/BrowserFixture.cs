using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Playwright;
using SecondChance.Testing;
using Xunit;

namespace SecondChance.EndToEnd.Tests;

/// <summary>
/// One Host on a fresh database seeded with a small deterministic demo, an administrator with a random password,
/// and the machine's Chromium (never a downloaded browser).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const int DemoInmates = 70;
    public const string Username = "e2e.admin";
    public string Password { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
    public HostProcess Host { get; private set; } = null!;
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    private string _connectionString = "";
    public string ConnectionString => _connectionString;

    /// <summary>
    /// Where the tests save their screenshots: a temporary folder, so a test run never rewrites committed files, unless
    /// SECONDCHANCE_SCREENSHOTS names another (scripts/screenshots.sh sets it to docs/screenshots to refresh them).
    /// </summary>
    public static string ScreenshotFolder { get; } = Environment.GetEnvironmentVariable("SECONDCHANCE_SCREENSHOTS") is { Length: > 0 } folder
        ? Path.GetFullPath(folder, HostProcess.RepositoryRoot())
        : Path.Combine(Path.GetTempPath(), "secondchance-screenshots");

    public async Task InitializeAsync()
    {
        _connectionString = await PostgresServer.CreateDatabaseAsync("e2e");
        await HostProcess.RunVerbAsync(_connectionString, "", "seed-demo", "--inmates", DemoInmates.ToString());
        await HostProcess.RunVerbAsync(_connectionString, Password, "create-admin", "--username", Username, "--display-name", "Welfare Administrator");
        Host = await HostProcess.StartAsync(_connectionString);
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    public async Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 900) =>
        await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Host.BaseAddress.ToString().TrimEnd('/'), ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true, Locale = "en-GB", TimezoneId = "Asia/Karachi",
        });

    /// <summary>Signs in through the sign-in page and waits until every projection has caught up.</summary>
    public async Task<IPage> SignedInPageAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.FillAsync("#username", Username);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("#sign-in-submit");
        await page.WaitForURLAsync("**/dashboard");
        await WaitForProjectionsAsync(context);
        return page;
    }

    public static async Task<JsonElement> GetJsonAsync(IBrowserContext context, string path)
    {
        var response = await context.APIRequest.GetAsync(path);
        if (!response.Ok) throw new InvalidOperationException($"GET {path}: {response.Status} {await response.TextAsync()}");
        return (await response.JsonAsync())!.Value;
    }

    public static async Task WaitForProjectionsAsync(IBrowserContext context)
    {
        for (var i = 0; i < 300; i++)
        {
            var status = await GetJsonAsync(context, "/admin/projections");
            if (status.EnumerateArray().All(p => p.GetProperty("lagEvents").GetInt64() == 0 && p.GetProperty("state").GetString() != "paused")) return;
            await Task.Delay(200);
        }
        throw new TimeoutException("The projections did not catch up.");
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        Playwright?.Dispose();
        if (Host is not null) await Host.DisposeAsync();
        if (_connectionString.Length > 0) await PostgresServer.DropDatabaseAsync(_connectionString);
    }
}
