using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using Npgsql;
using SecondChance.Reliability;
using SecondChance.Testing;
using Xunit;
using Xunit.Abstractions;

namespace SecondChance.Reliability.Tests;

/// <summary>
/// Three Hosts on one database share the read models (Wolverine gives each to one node). Under a steady stream of
/// wage credits through the two other nodes, the first node — Wolverine's leader, running a share of the read models —
/// is killed with SIGKILL. The survivors elect a leader and take its read models over; afterwards every acknowledged
/// credit is in its inmate's statement exactly once, and every read model equals a rebuild from scratch.
/// </summary>
public sealed class ThreeNodeTests(ITestOutputHelper output)
{
    private const int Inmates = 8;
    private const int Clients = 4;

    [Fact]
    public async Task Killing_one_of_three_nodes_under_write_load_moves_its_read_models_to_the_others_and_loses_or_doubles_nothing()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("three_nodes");
        var nodes = Enumerable.Range(0, 3).Select(_ => new HostProcess(TestHosts.Dll(), connectionString, TestHosts.FreePort())).ToList();
        try
        {
            await nodes[0].StartAsync(CancellationToken.None);
            var token = await new Auth(nodes[0]).TokenAsync();
            using var first = SignedIn(nodes[0], token);
            var facility = await TestHosts.CreatedAsync(first, "/facilities", new { name = "Karachi Central Jail", code = "KCJ", timeZoneId = "Asia/Karachi" });
            (await first.PostAsJsonAsync($"/facilities/{facility}/proceeds-policies", new
            {
                effectiveFrom = "2020-01-01", inmateShareBasisPoints = 6000, welfareFundBasisPoints = 3000, materialsRecoveryBasisPoints = 1000,
                savingsRateBasisPoints = 2500,
            })).EnsureSuccessStatusCode();
            var inmates = new List<Guid>();
            for (var i = 0; i < Inmates; i++)
                inmates.Add(await TestHosts.CreatedAsync(first, "/inmates", new
                {
                    facilityId = facility, prisonerNumber = $"KCJ-{i}", fullName = "Load Test Person", cnic = "42101-1234567-1", sex = "Male",
                    dateOfBirth = "1990-05-05", legalStatus = "Convicted", committalAuthority = "Sessions Court",
                    admittedAt = DateTimeOffset.UtcNow.AddDays(-30),
                }));
            await nodes[1].StartAsync(CancellationToken.None);
            await nodes[2].StartAsync(CancellationToken.None);
            var spread = await TestHosts.UntilAsync(() => NodesRunningReadModelsAsync(connectionString), n => n >= 2, "the read models to spread over the nodes",
                TimeSpan.FromSeconds(90));
            output.WriteLine($"read models spread over {spread} nodes");

            using var second = SignedIn(nodes[1], token);
            using var third = SignedIn(nodes[2], token);
            var acknowledged = new ConcurrentBag<(Guid Inmate, Guid Posting)>();
            using var stop = new CancellationTokenSource();
            var load = Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
            {
                var http = c % 2 == 0 ? second : third;
                for (var k = 0; !stop.IsCancellationRequested; k++)
                {
                    var (inmate, posting, creditedAt) = (inmates[(c + k * Clients) % Inmates], Guid.NewGuid(), DateTimeOffset.UtcNow.AddMinutes(-5));
                    // a client retries a failed request, the same request with the same idempotency key, until it is answered
                    for (var attempt = 0; attempt < 50; attempt++)
                    {
                        var r = await CreditAsync(http, inmate, posting, creditedAt);
                        if (r == HttpStatusCode.OK) { acknowledged.Add((inmate, posting)); break; }
                        await Task.Delay(100);
                    }
                }
            })).ToList();

            await Task.Delay(TimeSpan.FromSeconds(3));
            var before = acknowledged.Count;
            nodes[0].Kill();
            var killed = Stopwatch.StartNew();
            var atKill = await ScalarAsync(connectionString, "select coalesce(max(seq_id), 0) from sc_events.mt_events");
            // resumed: every read model has applied an event appended after the kill, so none is left with the dead node
            await TestHosts.UntilAsync(() => ScalarAsync(connectionString, """
                select coalesce(min(coalesce(p.last_seq_id, 0)), 0) from sc_events.sc_read_models m
                  left join sc_events.mt_event_progression p on p.name = m.name || ':All'
                """), position => position > atKill, "every read model to apply an event appended after the kill", TimeSpan.FromSeconds(180));
            var resumed = killed.Elapsed;
            await Task.Delay(TimeSpan.FromSeconds(5));
            await stop.CancelAsync();
            await Task.WhenAll(load);
            await ReliabilityRun.WaitForProjections(connectionString);
            output.WriteLine($"{acknowledged.Count} credits acknowledged ({before} before the kill); every read model applied an event " +
                             $"appended after the kill {resumed.TotalSeconds:0.0} s after it, and caught up {killed.Elapsed.TotalSeconds:0.0} s after it");

            foreach (var group in acknowledged.GroupBy(a => a.Inmate))
            {
                var lines = await StatementPostingsAsync(second, group.Key);
                lines.Should().BeEquivalentTo(group.Select(a => a.Posting), "each acknowledged credit is in the statement exactly once");
            }
            var live = await ReliabilityRun.ReadModelDigest(connectionString);
            await nodes[1].StopAsync();
            await nodes[2].StopAsync();
            (await nodes[1].RunVerbAsync(["rebuild"])).Should().Be(0, nodes[1].LastVerbOutput);
            var rebuilt = await ReliabilityRun.ReadModelDigest(connectionString);
            live.Where(t => rebuilt.GetValueOrDefault(t.Key) != t.Value).Select(t => t.Key).Should().BeEmpty("no event was applied twice");
            live.Should().NotBeEmpty();
        }
        finally
        {
            foreach (var n in nodes) n.Kill();
            NpgsqlConnection.ClearAllPools();
            await PostgresServer.DropDatabaseAsync(connectionString);
        }
    }

    private static async Task<long> ScalarAsync(string cs, string sql)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    /// <summary>How many live nodes Wolverine has given read models to (its assignments of event subscription agents).</summary>
    private static async Task<long> NodesRunningReadModelsAsync(string cs)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("select count(distinct node_id) from sc_messages.wolverine_node_assignments where id like 'event-subscriptions:%'", conn);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private static HttpClient SignedIn(HostProcess host, string? token)
    {
        var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static async Task<HttpStatusCode> CreditAsync(HttpClient http, Guid inmate, Guid posting, DateTimeOffset creditedAt)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/inmates/{inmate}/wage-account/credits")
            {
                Content = JsonContent.Create(new
                {
                    postingId = posting, kind = "Wage", amountMinor = 1500, currency = "PKR", description = "Workshop wage",
                    creditedAt,
                }),
            };
            request.Headers.Add("Idempotency-Key", $"credit-{posting}");
            using var r = await http.SendAsync(request);
            return r.StatusCode;
        }
        catch (HttpRequestException) { return HttpStatusCode.ServiceUnavailable; }
        catch (TaskCanceledException) { return HttpStatusCode.RequestTimeout; }
    }

    private static async Task<IReadOnlyList<Guid>> StatementPostingsAsync(HttpClient http, Guid inmate)
    {
        var r = await http.GetFromJsonAsync<JsonElement>($"/audit/wages/inmates/{inmate}/statement");
        return r.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("postingId").GetGuid()).ToList();
    }
}
