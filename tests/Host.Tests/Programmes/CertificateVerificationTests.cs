using System.Net;
using System.Text.Json;
using FluentAssertions;
using Microsoft.AspNetCore.Hosting;
using SecondChance.Host.Tests.Support;
using Xunit;

namespace SecondChance.Host.Tests.Programmes;

public sealed class CertificateVerificationTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private const string Number = "TEVTA-2025-77";
    private readonly Api _api = fixture.CreateApi();
    private Scenario Given => new(_api);

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private sealed record Certified(Scenario.Facility Facility, Guid Inmate, string PrisonerNumber, string Code);

    private async Task<Certified> CertifiedAsync()
    {
        var (facility, programme, inmate) = await Given.EnrolledInmateAsync();
        var certified = await _api.PostAsync($"/inmates/{inmate}/certifications", new
        {
            programmeId = programme, skill = "Zardozi", level = "Level 2", assessor = "Punjab TEVTA assessor", certificateNumber = Number,
            certifiedAt = Scenario.Past,
        });
        certified.Status.Should().Be(HttpStatusCode.OK, certified.ToString());
        var certificate = (await _api.GetAsync($"/inmates/{inmate}/certifications/{Number}")).Body;
        var number = (await _api.GetAsync($"/inmates/{inmate}")).Body.GetProperty("state").GetProperty("prisonerNumber").GetString()!;
        return new Certified(facility, inmate, number, certificate.GetProperty("verificationCode").GetString()!);
    }

    private async Task<ApiResponse> VerifyAsync(string code)
    {
        await fixture.ProjectionsCaughtUpAsync();
        return await fixture.CreateAnonymousApi().GetAsync($"/verify/{Uri.EscapeDataString(code)}");
    }

    private static void ShowsNothingOfCustody(string text, Certified c)
    {
        foreach (var telltale in new[]
                 {
                     c.Facility.Id.ToString(), c.Facility.Id.ToString("N"), c.Inmate.ToString(), c.Inmate.ToString("N"), c.PrisonerNumber,
                     "Karachi Central Jail", "KCJ", "Sessions Court", "jail", "prison", "inmate", "custody", "facility", "ward", "Block A",
                 })
            text.Should().NotContainEquivalentOf(telltale);
    }

    [Fact]
    public async Task A_certification_gets_a_code_that_verifies_anonymously_with_what_was_certified_and_nothing_of_custody()
    {
        var c = await CertifiedAsync();

        var r = await VerifyAsync(c.Code);

        c.Code.Should().MatchRegex("^([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{4}$");
        r.Status.Should().Be(HttpStatusCode.OK, r.ToString());
        r.Body.GetProperty("skill").GetString().Should().Be("Zardozi");
        r.Body.GetProperty("level").GetString().Should().Be("Level 2");
        r.Body.GetProperty("issuingBody").GetString().Should().Be("Embroidery for beginners");
        r.Body.GetProperty("assessor").GetString().Should().Be("Punjab TEVTA assessor");
        r.Body.GetProperty("certifiedOn").GetString().Should().Be("2025-03-01");
        r.Body.GetProperty("status").GetString().Should().Be("valid");
        r.Body.GetProperty("holder").ValueKind.Should().Be(JsonValueKind.Null);
        ShowsNothingOfCustody(r.Body.GetRawText(), c);
        (await VerifyAsync(c.Code.ToLowerInvariant().Replace("-", " "))).Body.GetProperty("skill").GetString().Should().Be("Zardozi");
    }

    [Fact]
    public async Task The_read_model_keeps_only_the_hash_of_the_code()
    {
        var c = await CertifiedAsync();
        await fixture.ProjectionsCaughtUpAsync();

        (await fixture.ScalarAsync("select count(*) from sc_certificates.certificates where code_hash is not null")).Should().Be(1);
        (await fixture.ScalarAsync(
                $"select count(*) from sc_certificates.certificates c where c::text ilike '%{c.Code.Replace("-", "")}%' or c::text ilike '%{c.Code}%'"))
            .Should().Be(0);
    }

    [Fact]
    public async Task A_revoked_certificate_verifies_as_revoked_and_cannot_be_revoked_twice()
    {
        var c = await CertifiedAsync();
        var path = $"/inmates/{c.Inmate}/certifications/{Number}/revocation";

        var revoked = await _api.PostAsync(path, new { reason = "Assessment found void", revokedAt = "2025-04-01T09:00:00+05:00" }, Api.IdempotencyKey("rev-1"));
        var again = await _api.PostAsync(path, new { reason = "Again" });
        var unknown = await _api.PostAsync($"/inmates/{c.Inmate}/certifications/NOPE-1/revocation", new { reason = "Void" });
        var r = await VerifyAsync(c.Code);

        revoked.Status.Should().Be(HttpStatusCode.OK, revoked.ToString());
        again.Code.Should().Be("certificate_already_revoked");
        unknown.Code.Should().Be("certificate_not_found");
        r.Body.GetProperty("status").GetString().Should().Be("revoked");
        r.Body.GetProperty("revokedOn").GetString().Should().Be("2025-04-01");
        ShowsNothingOfCustody(r.Body.GetRawText(), c);
        (await _api.GetAsync($"/read-models/inmates/{c.Inmate}/timeline")).ToString().Should()
            .Contain("certificate_revoked.v1").And.Contain($"Certificate {Number} revoked: Assessment found void");
    }

    [Fact]
    public async Task An_unknown_or_malformed_code_is_a_404_shaped_like_any_other_not_found()
    {
        var c = await CertifiedAsync();
        var unknown = await VerifyAsync(c.Code[..^1] + (c.Code[^1] == '0' ? '1' : '0'));
        var malformed = await VerifyAsync("not-a-code");
        var otherNotFound = await _api.GetAsync($"/inmates/{Guid.NewGuid()}");

        static string[] Shape(ApiResponse r) => r.Body.EnumerateObject().Select(p => p.Name).Order().ToArray();
        unknown.Status.Should().Be(HttpStatusCode.NotFound);
        malformed.Status.Should().Be(HttpStatusCode.NotFound);
        Shape(unknown).Should().Equal(Shape(otherNotFound));
        Shape(malformed).Should().Equal(Shape(unknown));
        malformed.Body.GetProperty("detail").GetString().Should().Be(unknown.Body.GetProperty("detail").GetString());
        unknown.Body.GetProperty("title").GetString().Should().Be(otherNotFound.Body.GetProperty("title").GetString());
        unknown.Message.Content.Headers.ContentType!.MediaType.Should().Be(otherNotFound.Message.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task The_holder_is_named_only_while_they_consent()
    {
        var c = await CertifiedAsync();
        var consent = $"/inmates/{c.Inmate}/certifications/{Number}/holder-consent";

        var before = await VerifyAsync(c.Code);
        (await _api.PostAsync(consent, new { at = Scenario.Past })).Status.Should().Be(HttpStatusCode.OK);
        var given = await VerifyAsync(c.Code);
        (await _api.PostAsync($"{consent}/withdrawal", new { })).Status.Should().Be(HttpStatusCode.OK);
        var withdrawn = await VerifyAsync(c.Code);

        before.Body.GetProperty("holder").ValueKind.Should().Be(JsonValueKind.Null);
        given.Body.GetProperty("holder").GetString().Should().Be("Imran Khan Afridi");
        ShowsNothingOfCustody(given.Body.GetRawText(), c);
        withdrawn.Body.GetProperty("holder").ValueKind.Should().Be(JsonValueKind.Null);
        (await fixture.ScalarAsync("select count(*) from sc_certificates.certificates where holder_name is not null")).Should().Be(0);
    }

    [Fact]
    public async Task Issuing_a_code_again_keeps_the_one_the_certificate_has_and_an_unknown_certificate_is_refused()
    {
        var c = await CertifiedAsync();

        var again = await _api.PostAsync($"/inmates/{c.Inmate}/certifications/{Number}/verification-code", new { });
        var unknown = await _api.PostAsync($"/inmates/{c.Inmate}/certifications/NOPE-1/verification-code", new { });

        again.Status.Should().Be(HttpStatusCode.OK, again.ToString());
        unknown.Code.Should().Be("certificate_not_found");
        (await _api.GetAsync($"/inmates/{c.Inmate}/certifications/{Number}")).Body.GetProperty("verificationCode").GetString().Should().Be(c.Code);
        (await fixture.ScalarAsync("select count(*) from sc_events.mt_events where type = 'certificate_code_issued.v1'")).Should().Be(1);
        (await _api.GetAsync($"/inmates/{c.Inmate}/certifications/NOPE-1")).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Verification_from_one_address_is_rate_limited_with_a_429_problem_that_says_why()
    {
        await using var factory = fixture.Factory.WithWebHostBuilder(b => b.UseSetting("Security:VerificationsPerAddressPerMinute", "2"));
        var anonymous = new Api(factory.CreateClient());
        const string code = "0000-0000-0000-0000-0000-0000-0000";

        var first = await anonymous.GetAsync($"/verify/{code}");
        await anonymous.GetAsync($"/verify/{code}");
        var limited = await anonymous.GetAsync($"/verify/{code}");

        first.Status.Should().Be(HttpStatusCode.NotFound);
        limited.Status.Should().Be(HttpStatusCode.TooManyRequests);
        limited.Header("Retry-After").Should().NotBeNull();
        limited.Message.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        limited.Body.GetProperty("title").GetString().Should().Be("Too many verification requests");
        limited.Body.GetProperty("detail").GetString().Should().Contain("certificate codes");
    }

    [Fact]
    public async Task The_public_verification_page_is_anonymous_and_names_no_facility_prisoner_or_inmate()
    {
        var c = await CertifiedAsync();

        using var response = await fixture.CreateAnonymousApi().Client.GetAsync($"/verify?code={c.Code}");
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        html.Should().Contain("/js/verify.js").And.Contain("<title>Certificate verification</title>");
        ShowsNothingOfCustody(html, c);
    }

    [Fact]
    public async Task Staff_get_a_qr_code_of_the_verification_address_and_a_certificate_without_a_code_has_none()
    {
        var c = await CertifiedAsync();

        using var qr = await _api.Client.GetAsync($"/inmates/{c.Inmate}/certifications/{Number}/qr.svg");
        var svg = await qr.Content.ReadAsStringAsync();
        var unknown = await _api.GetAsync($"/inmates/{c.Inmate}/certifications/NOPE-1/qr.svg");
        using var anonymous = await fixture.CreateAnonymousApi().Client.GetAsync($"/inmates/{c.Inmate}/certifications/{Number}/qr.svg");

        qr.StatusCode.Should().Be(HttpStatusCode.OK);
        qr.Content.Headers.ContentType!.MediaType.Should().Be("image/svg+xml");
        svg.Should().Contain("<svg");
        unknown.Status.Should().Be(HttpStatusCode.NotFound);
        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}
