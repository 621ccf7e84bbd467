using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using SecondChance.Reliability;
using SecondChance.Testing;
using Xunit;
using Xunit.Abstractions;

namespace SecondChance.Reliability.Tests;

/// <summary>
/// Two Hosts on one database. Each read model runs on one node at a time (Wolverine spreads them over the nodes); the
/// first node, alone at first and so running them all, is killed with SIGKILL, and the other takes them over: a credit
/// posted afterwards reaches its read model.
/// </summary>
public sealed class DaemonFailoverTests(ITestOutputHelper output)
{
    [Fact]
    public async Task When_the_node_running_the_read_models_is_killed_the_other_node_takes_them_over()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("failover");
        await using var first = new HostProcess(TestHosts.Dll(), connectionString, TestHosts.FreePort());
        await using var second = new HostProcess(TestHosts.Dll(), connectionString, TestHosts.FreePort());
        try
        {
            // the first node alone takes the daemon's leadership; the second starts once the read models run there
            await first.StartAsync(CancellationToken.None);
            var token = await new Auth(first).TokenAsync();
            using var onFirst = SignedIn(first, token);
            var facility = await CreatedAsync(onFirst, "/facilities", new { name = "Karachi Central Jail", code = "KCJ", timeZoneId = "Asia/Karachi" });
            (await onFirst.PostAsJsonAsync($"/facilities/{facility}/proceeds-policies", new
            {
                effectiveFrom = "2020-01-01", inmateShareBasisPoints = 6000, welfareFundBasisPoints = 3000, materialsRecoveryBasisPoints = 1000,
                savingsRateBasisPoints = 2500,
            })).EnsureSuccessStatusCode();
            var inmate = await CreatedAsync(onFirst, "/inmates", new
            {
                facilityId = facility, prisonerNumber = "KCJ-1", fullName = "Imran Khan Afridi", cnic = "42101-1234567-1", sex = "Male",
                dateOfBirth = "1990-05-05", legalStatus = "Convicted", committalAuthority = "Sessions Court", admittedAt = DateTimeOffset.UtcNow.AddDays(-30),
            });
            await CreditAsync(onFirst, inmate);
            await UntilAsync(async () => await StatementLinesAsync(onFirst, inmate) == 1, "the first node's read models", TimeSpan.FromSeconds(60));

            await second.StartAsync(CancellationToken.None);
            // the token the first node issued: the key ring is shared through the database
            using var onSecond = SignedIn(second, token);
            first.Kill();
            var killed = Stopwatch.StartNew();
            await CreditAsync(onSecond, inmate);
            await UntilAsync(async () => await StatementLinesAsync(onSecond, inmate) == 2, "the second node to take the read models over",
                TimeSpan.FromSeconds(120));

            output.WriteLine($"read models resumed on the second node {killed.Elapsed.TotalSeconds:0.0} s after the first was killed");
            (await StatementLinesAsync(onSecond, inmate)).Should().Be(2, "each credit applied once");
        }
        finally
        {
            first.Kill();
            second.Kill();
            await PostgresServer.DropDatabaseAsync(connectionString);
        }
    }

    private static HttpClient SignedIn(HostProcess host, string? token)
    {
        var http = new HttpClient { BaseAddress = host.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static async Task CreditAsync(HttpClient http, Guid inmate) =>
        (await http.PostAsJsonAsync($"/inmates/{inmate}/wage-account/credits", new
        {
            postingId = Guid.NewGuid(), kind = "Wage", amountMinor = 1500, currency = "PKR", description = "Workshop wage",
            creditedAt = DateTimeOffset.UtcNow.AddMinutes(-5),
        })).EnsureSuccessStatusCode();

    private static async Task<int> StatementLinesAsync(HttpClient http, Guid inmate)
    {
        var r = await http.GetAsync($"/read-models/wages/inmates/{inmate}/statement");
        return r.IsSuccessStatusCode ? (await r.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength() : -1;
    }

    private static async Task<Guid> CreatedAsync(HttpClient http, string path, object body)
    {
        var r = await http.PostAsJsonAsync(path, body);
        r.StatusCode.Should().Be(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task UntilAsync(Func<Task<bool>> done, string what, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (!await done())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Waited in vain for {what}.");
            await Task.Delay(100);
        }
    }
}
