using FluentAssertions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SecondChance.Host.Tests.Support;
using Xunit;

namespace SecondChance.Host.Tests.Security;

public sealed class EndpointPolicyTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    /// <summary>Public on purpose: the catalogue (API and page), health, OpenAPI, sign-in and token, and the pages that lead to them.</summary>
    private static readonly HashSet<string> Anonymous =
    [
        "/read-models/catalogue", "/health", "/health/live", "/health/ready", "/openapi/{documentName}.json", "/auth/sign-in", "/auth/token",
        "/", "/sign-in", "/marketplace", "/verify", "/verify/{code}",
    ];

    private IReadOnlyList<RouteEndpoint> Endpoints() =>
        fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

    [Fact]
    public void Every_endpoint_declares_a_named_policy_or_allows_anonymous()
    {
        var endpoints = Endpoints();
        endpoints.Should().HaveCountGreaterThan(50);

        var undeclared = endpoints.Where(e =>
                e.Metadata.GetMetadata<IAllowAnonymous>() is null
                && !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy)))
            .Select(Describe).ToList();

        undeclared.Should().BeEmpty("every endpoint must say .RequireAuthorization(Policies.X) or .AllowAnonymous()");
    }

    [Fact]
    public void Only_the_catalogue_health_openapi_and_sign_in_are_anonymous()
    {
        var anonymous = Endpoints().Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => e.RoutePattern.RawText ?? "").Select(p => "/" + p.TrimStart('/')).ToList();

        anonymous.Where(p => !Anonymous.Contains(p)).Should().BeEmpty();
    }

    [Fact]
    public void Every_named_policy_exists()
    {
        var named = Endpoints().SelectMany(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>()).Select(a => a.Policy).OfType<string>().Distinct();

        named.Should().BeSubsetOf(SecondChance.Host.Security.Policies.Holders.Keys);
    }

    private static string Describe(RouteEndpoint e) =>
        $"{string.Join(",", e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])} {e.RoutePattern.RawText}";
}
