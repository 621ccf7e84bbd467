using System.Net;
using FluentAssertions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using SecondChance.Host.Tests.Support;
using Xunit;

namespace SecondChance.Host.Tests.Platform;

public sealed class PlatformApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private readonly Api _api = fixture.CreateApi();

    [Fact]
    public async Task The_openapi_document_is_served_and_names_the_command_endpoints()
    {
        var r = await _api.GetAsync("/openapi/v1.json");

        r.Status.Should().Be(HttpStatusCode.OK);
        var paths = r.Body.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.Should().Contain(["/inmates", "/inmates/{inmateId}/housing", "/items/{itemId}/sale", "/programmes/{programmeId}/enrolments",
            "/inmates/{inmateId}/wage-account/credits", "/mentors", "/facilities/{facilityId}/wards"]);
    }

    [Fact]
    public async Task Health_is_ok_when_the_database_answers()
    {
        (await _api.GetAsync("/health")).Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_problem()
    {
        var r = await _api.GetAsync("/nowhere");

        r.Status.Should().Be(HttpStatusCode.NotFound);
        r.Message.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task A_non_guid_correlation_id_is_echoed_and_kept_verbatim_in_event_headers()
    {
        var r = await _api.PostAsync("/mentors", new { fullName = "Bilal Ahmed", cnic = "35202-7654321-3" }, ("X-Correlation-Id", "req-42/abc"));

        r.Header("X-Correlation-Id").Should().Be("req-42/abc");
        (await fixture.ScalarAsync($"select count(*) from sc_events.mt_events where headers->>'correlation-id' = 'req-42/abc' and correlation_id is not null"))
            .Should().Be(1);
    }

    [Fact]
    public async Task When_the_database_cannot_be_reached_requests_get_503_with_retry_after_and_no_stack_trace()
    {
        await using var unreachable = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:SecondChance", "Host=127.0.0.1;Port=1;Username=x;Password=y;Database=z;Timeout=2");
            // no start-up migration: the database is down from the start
            b.ConfigureServices(s => s.RemoveAll<IHostedService>());
        });
        var api = new Api(unreachable.CreateClient());

        var r = await api.GetAsync("/health");

        r.Status.Should().Be(HttpStatusCode.ServiceUnavailable);
        r.Header("Retry-After").Should().NotBeNull();
        r.Message.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        r.Body.ToString().Should().NotContain("   at ").And.NotContain("Npgsql");
    }
}
