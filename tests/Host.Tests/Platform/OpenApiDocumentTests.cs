using System.Text.Json;
using System.Text.RegularExpressions;
using FluentAssertions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SecondChance.Host.Http;
using SecondChance.Host.Tests.Support;
using Xunit;

namespace SecondChance.Host.Tests.Platform;

/// <summary>What a client generator or a person reading /openapi/v1.json needs: how to sign in, what each operation does and takes.</summary>
public sealed partial class OpenApiDocumentTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private async Task<JsonElement> DocumentAsync() => (await fixture.CreateAnonymousApi().GetAsync("/openapi/v1.json")).Body;

    private static IEnumerable<(string Path, string Method, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (path.Name, op.Name.ToUpperInvariant(), op.Value)));

    private static bool Secured(JsonElement operation) =>
        operation.TryGetProperty("security", out var s) && s.EnumerateArray().Any(r => r.TryGetProperty("Bearer", out _));

    [Fact]
    public async Task The_bearer_scheme_is_declared_and_required_by_every_operation_that_needs_a_signed_in_user()
    {
        var document = await DocumentAsync();

        var bearer = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        bearer.GetProperty("type").GetString().Should().Be("http");
        bearer.GetProperty("scheme").GetString().Should().Be("bearer");
        var operations = Operations(document).ToDictionary(o => $"{o.Method} {o.Path}", o => o.Operation);
        operations.Where(o => !Secured(o.Value)).Select(o => o.Key).Should().BeEquivalentTo(
            "GET /health", "GET /health/live", "GET /health/ready", "POST /auth/sign-in", "POST /auth/token", "GET /read-models/catalogue", "GET /verify/{code}");
    }

    [Fact]
    public async Task The_sign_in_body_is_described_with_username_and_password_required()
    {
        var document = await DocumentAsync();

        var body = document.GetProperty("paths").GetProperty("/auth/sign-in").GetProperty("post").GetProperty("requestBody").GetProperty("content");
        var reference = body.GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString()!;
        var schema = document.GetProperty("components").GetProperty("schemas").GetProperty(reference.Split('/')[^1]);
        schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).Should().Contain(["username", "password"]);
        schema.GetProperty("required").EnumerateArray().Select(r => r.GetString()).Should().Contain(["username", "password"]);
        body.TryGetProperty("application/x-www-form-urlencoded", out _).Should().BeTrue("the sign-in form posts the same fields");
    }

    [Fact]
    public async Task Every_operation_has_a_summary()
    {
        var operations = Operations(await DocumentAsync()).ToList();

        operations.Should().HaveCountGreaterThan(80);
        operations.Where(o => !o.Operation.TryGetProperty("summary", out var s) || string.IsNullOrWhiteSpace(s.GetString()))
            .Select(o => $"{o.Method} {o.Path}").Should().BeEmpty();
    }

    [Fact]
    public async Task Every_query_parameter_an_endpoint_takes_is_declared_with_whether_it_is_required()
    {
        var document = await DocumentAsync();
        var declared = Operations(document).ToDictionary(o => $"{o.Method} {o.Path}", o => o.Operation.TryGetProperty("parameters", out var ps)
            ? ps.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query")
                .ToDictionary(p => p.GetProperty("name").GetString()!, p => p.TryGetProperty("required", out var r) && r.GetBoolean())
            : []);
        var endpoints = fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(QueryParameters.Checked).ToList();
        endpoints.Should().HaveCountGreaterThan(80);

        var mismatches = new List<string>();
        foreach (var endpoint in endpoints)
        foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
        {
            var key = $"{method} {DocumentPath(endpoint.RoutePattern.RawText!)}";
            if (!declared.TryGetValue(key, out var parameters)) { mismatches.Add($"{key} is not in the document"); continue; }
            var taken = QueryParameters.Of(endpoint);
            if (!taken.SetEquals(parameters.Keys)) mismatches.Add($"{key} takes [{string.Join(", ", taken)}], declares [{string.Join(", ", parameters.Keys)}]");
            foreach (var required in endpoint.Metadata.OfType<QueryParameter>().Where(p => p.Required))
                if (!parameters.GetValueOrDefault(required.Name)) mismatches.Add($"{key}: {required.Name} is required but not marked so");
        }

        mismatches.Should().BeEmpty();
        declared["GET /oversight/facilities/{facilityId}/report"].Should().Contain(new KeyValuePair<string, bool>("from", true))
            .And.Contain(new KeyValuePair<string, bool>("to", true)).And.Contain(new KeyValuePair<string, bool>("asOf", false));
        declared["GET /inmates"].Keys.Should().Contain(["page", "pageSize", "facilityId", "status", "programmeId", "search"]);
    }

    [Fact]
    public async Task Every_success_response_with_a_body_declares_its_content_with_a_schema()
    {
        var operations = Operations(await DocumentAsync()).ToList();

        var undescribed = operations.SelectMany(o => Successes(o.Operation) is { Count: > 0 } successes
                ? successes.Where(r => r.Name is not ("204" or "304") && !HasSchema(r.Value)).Select(r => $"{o.Method} {o.Path} {r.Name}")
                : [$"{o.Method} {o.Path} (no success response)"])
            .ToList();

        operations.Should().HaveCountGreaterThan(80);
        undescribed.Should().BeEmpty("a client generated from the document must know the shape of every success body");
    }

    [Theory]
    [InlineData("/audit/wages/inmates/{inmateId}/statement")]
    [InlineData("/audit/facilities/{facilityId}/replay")]
    [InlineData("/audit/facilities/{facilityId}/reconciliation")]
    [InlineData("/oversight/facilities/{facilityId}/report")]
    public async Task An_export_declares_its_json_body_and_its_csv_text_side_by_side(string path)
    {
        var document = await DocumentAsync();

        var content = document.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content");

        content.GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString().Should().StartWith("#/components/schemas/");
        content.GetProperty("text/csv").GetProperty("schema").GetProperty("type").GetString().Should().Be("string");
    }

    private static List<JsonProperty> Successes(JsonElement operation) =>
        operation.TryGetProperty("responses", out var responses) ? responses.EnumerateObject().Where(r => r.Name.StartsWith('2')).ToList() : [];

    private static bool HasSchema(JsonElement response) =>
        response.TryGetProperty("content", out var content)
        && content.EnumerateObject().Any(c => c.Value.TryGetProperty("schema", out var schema) && schema.EnumerateObject().Any());

    /// <summary>"/inmates/{inmateId:guid}/" is "/inmates/{inmateId}" in the document.</summary>
    private static string DocumentPath(string route) => "/" + RouteConstraint().Replace(route, "}").Trim('/');

    [GeneratedRegex(":[^}]*}")]
    private static partial Regex RouteConstraint();
}
