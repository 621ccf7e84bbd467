using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using SecondChance.Testing;
using Xunit;

namespace SecondChance.EndToEnd.Tests;

/// <summary>Two Host processes on one database, each with a home folder of its own (so no key ring on disk is shared).</summary>
public sealed class NodeTests
{
    [Fact]
    public async Task A_token_and_a_sign_in_cookie_issued_by_one_node_are_accepted_by_another()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("nodes");
        try
        {
            const string password = "node-admin-Passw0rd!";
            await HostProcess.RunVerbAsync(connectionString, password, "create-admin", "--username", "node.admin");
            await using var a = await HostProcess.StartAsync(connectionString, Home("a"));
            await using var b = await HostProcess.StartAsync(connectionString, Home("b"));

            using var onA = new HttpClient { BaseAddress = a.BaseAddress };
            var token = (await (await onA.PostAsJsonAsync("/auth/token", new { username = "node.admin", password }))
                .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
            var signIn = await onA.PostAsJsonAsync("/auth/sign-in", new { username = "node.admin", password });
            signIn.EnsureSuccessStatusCode();
            var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("secondchance=")).Split(';')[0];

            using var onB = new HttpClient { BaseAddress = b.BaseAddress };
            using var withToken = new HttpRequestMessage(HttpMethod.Get, "/auth/me") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };
            using var withCookie = new HttpRequestMessage(HttpMethod.Get, "/auth/me") { Headers = { { "Cookie", cookie } } };
            var byToken = await onB.SendAsync(withToken);
            var byCookie = await onB.SendAsync(withCookie);

            byToken.StatusCode.Should().Be(HttpStatusCode.OK, b.Log);
            byCookie.StatusCode.Should().Be(HttpStatusCode.OK, b.Log);
            (await byToken.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("username").GetString().Should().Be("node.admin");
        }
        finally { await PostgresServer.DropDatabaseAsync(connectionString); }
    }

    private static Dictionary<string, string?> Home(string node)
    {
        var home = Directory.CreateTempSubdirectory($"sc-node-{node}-").FullName;
        return new Dictionary<string, string?> { ["HOME"] = home };
    }
}
