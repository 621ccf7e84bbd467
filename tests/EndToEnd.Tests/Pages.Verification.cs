using FluentAssertions;
using Microsoft.Playwright;
using Xunit;

namespace SecondChance.EndToEnd.Tests;

public sealed partial class Pages
{
    [Fact]
    public async Task The_public_verify_page_shows_a_demo_certificate_naming_the_holder_only_with_consent_and_nothing_of_custody()
    {
        await using var staff = await fx.NewContextAsync();
        await fx.SignedInPageAsync(staff);
        var (facilities, found) = await CertificatesAsync(staff);
        var named = found.First(f => f.Consents);
        var unnamed = found.First(f => !f.Consents);

        await using var visitor = await fx.NewContextAsync();
        var page = await visitor.NewPageAsync();
        foreach (var (certificate, shot) in new[] { (named, "verify-named"), (unnamed, "verify-unnamed") })
        {
            await page.GotoAsync($"/verify?code={Uri.EscapeDataString(certificate.Code.ToLowerInvariant())}");
            await Assertions.Expect(page.Locator("#verdict")).ToHaveTextAsync("Valid");
            var text = await page.Locator("body").InnerTextAsync();
            var html = await page.ContentAsync();
            foreach (var telltale in facilities.Append(certificate.Number).Append(certificate.Id))
            {
                text.Should().NotContainEquivalentOf(telltale);
                html.Should().NotContainEquivalentOf(telltale);
            }
            (await page.Locator("a").CountAsync()).Should().Be(0, "the page links nowhere into the site");
            if (certificate.Consents) (await page.TextContentAsync("#holder")).Should().Be(certificate.Name);
            else (await page.TextContentAsync("#holder")).Should().NotContain(certificate.Name).And.Contain("not agreed");
            await ShotAsync(page, shot);
        }

        await page.GotoAsync("/verify?code=0000-0000-0000-0000-0000-0000-0000");
        await Assertions.Expect(page.Locator("#unknown-code")).ToBeVisibleAsync();
    }

    private static async Task<(List<string> Facilities, List<(string Code, bool Consents, string Number, string Id, string Name, string Certificate)> Found)>
        CertificatesAsync(IBrowserContext staff)
    {
        var facilities = (await BrowserFixture.GetJsonAsync(staff, "/facilities")).EnumerateArray()
            .SelectMany(f => new[] { f.GetProperty("name").GetString()!, f.GetProperty("code").GetString()!, f.GetProperty("facilityId").GetString()! }).ToList();
        var inmates = (await BrowserFixture.GetJsonAsync(staff, "/inmates?pageSize=200")).GetProperty("items").EnumerateArray().ToList();
        var found = new List<(string Code, bool Consents, string Number, string Id, string Name, string Certificate)>();
        foreach (var inmate in inmates)
        {
            var id = inmate.GetProperty("inmateId").GetString()!;
            var state = (await BrowserFixture.GetJsonAsync(staff, $"/inmates/{id}")).GetProperty("state");
            found.AddRange(state.GetProperty("certificates").EnumerateObject().Select(c => c.Value)
                .Where(c => c.GetProperty("revokedReason").GetString() is null && c.GetProperty("verificationCode").GetString() is not null)
                .Select(c => (c.GetProperty("verificationCode").GetString()!, c.GetProperty("holderConsents").GetBoolean(),
                    inmate.GetProperty("prisonerNumber").GetString()!, id, inmate.GetProperty("fullName").GetString()!,
                    c.GetProperty("certificateNumber").GetString()!)));
            if (found.Any(f => f.Consents) && found.Any(f => !f.Consents)) break;
        }
        return (facilities, found);
    }

    [Fact]
    public async Task The_printable_certificate_shows_its_verification_code_and_qr_code_and_no_facility()
    {
        await using var staff = await fx.NewContextAsync();
        var page = await fx.SignedInPageAsync(staff);
        var (facilities, found) = await CertificatesAsync(staff);
        var certificate = found.First();

        await page.GotoAsync($"/journey?inmate={certificate.Id}");
        await page.ClickAsync($"#certificates a[href*='{Uri.EscapeDataString(certificate.Certificate)}']");
        await page.WaitForURLAsync("**/certificate?**");
        await Assertions.Expect(page.Locator("#verification-code")).ToHaveTextAsync(certificate.Code);
        await Assertions.Expect(page.Locator("#qr")).ToBeVisibleAsync();
        // the QR code image loads (an image that fails to load never gets a natural width)
        await page.WaitForFunctionAsync("() => { const qr = document.querySelector('#qr'); return qr.complete && qr.naturalWidth > 0; }");
        (await page.TextContentAsync("#verify-url")).Should().EndWith($"/verify?code={certificate.Code}");
        var printed = await page.Locator("#certificate").InnerTextAsync();
        foreach (var telltale in facilities.Append(certificate.Number)) printed.Should().NotContainEquivalentOf(telltale);
        printed.Should().Contain(certificate.Name, "the printed certificate names its holder");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Assertions.Expect(page.Locator("header.site")).ToBeHiddenAsync();
        await ShotAsync(page, "certificate-print");
    }
}
