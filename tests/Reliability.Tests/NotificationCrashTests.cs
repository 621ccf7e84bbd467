using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using FluentAssertions;
using Npgsql;
using SecondChance.Reliability;
using SecondChance.Testing;
using Xunit;

namespace SecondChance.Reliability.Tests;

/// <summary>
/// The Host, a real process, notices a missed medical screening and sends the oversight notification through its
/// outbox; it is killed with SIGKILL while handling that message (before, or after, the notification is recorded)
/// and started again: the notification is recorded, and recorded once.
/// </summary>
public sealed class NotificationCrashTests
{
    [Theory]
    [InlineData("before-record")]
    [InlineData("after-record")]
    public async Task A_host_killed_while_recording_a_notification_records_it_exactly_once_after_restart(string killedAt)
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("crash");
        await using var db = NpgsqlDataSource.Create(connectionString);
        await using var host = new HostProcess(TestHosts.Dll(), connectionString, TestHosts.FreePort());
        host.Settings["Oversight__SweepSeconds"] = "0.5";
        // one node: at start-up it takes over what the killed process left in the durable inbox
        host.Settings["Wolverine__Durability"] = "Solo";
        try
        {
            host.Settings["Faults__Notifications"] = killedAt;
            await host.StartAsync(CancellationToken.None);
            var auth = new Auth(host);
            using var http = new HttpClient { BaseAddress = host.BaseAddress };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await auth.TokenAsync());
            var facility = await CreatedAsync(http, "/facilities", new { name = "Karachi Central Jail", code = "KCJ", timeZoneId = "Asia/Karachi" });
            // admitted ten days ago and never screened: the screening deadline (24 hours) was missed
            await CreatedAsync(http, "/inmates", new
            {
                facilityId = facility, prisonerNumber = "KCJ-1", fullName = "Imran Khan Afridi", cnic = "42101-1234567-1", sex = "Male",
                dateOfBirth = "1990-05-05", legalStatus = "Convicted", committalAuthority = "Sessions Court Karachi South",
                admittedAt = DateTimeOffset.UtcNow.AddDays(-10),
            });

            await UntilAsync(() => host.Log.Contains($"holding at {killedAt}"), "the notification's handler to reach the fault", host);
            var recordedBeforeKill = await CountAsync(db, "sc.oversight_notifications");
            host.Kill();

            (await CountAsync(db, "sc.noticed_findings")).Should().Be(1, "the finding was noticed, with its message, before the kill");
            recordedBeforeKill.Should().Be(killedAt == "after-record" ? 1 : 0);

            host.Settings.Remove("Faults__Notifications");
            await host.StartAsync(CancellationToken.None);
            await UntilAsync(async () => await CountAsync(db, "sc_messages.wolverine_incoming_envelopes where status <> 'Handled'") == 0
                                         && await CountAsync(db, "sc.oversight_notifications") == 1, "the notification to be recorded after restart", host);
            await Task.Delay(TimeSpan.FromSeconds(2)); // more sweeps: nothing noticed again

            (await CountAsync(db, "sc.oversight_notifications where rule_code = 'screening_missed'")).Should().Be(1);
            (await CountAsync(db, "sc.oversight_notifications")).Should().Be(1);
            (await CountAsync(db, "sc.noticed_findings")).Should().Be(1);
        }
        finally
        {
            host.Kill();
            await PostgresServer.DropDatabaseAsync(connectionString);
        }
    }

    private static async Task<Guid> CreatedAsync(HttpClient http, string path, object body)
    {
        var r = await http.PostAsJsonAsync(path, body);
        r.StatusCode.Should().Be(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<long> CountAsync(NpgsqlDataSource db, string from)
    {
        await using var cmd = db.CreateCommand($"select count(*) from {from}");
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private static Task UntilAsync(Func<bool> done, string what, HostProcess host) => UntilAsync(() => Task.FromResult(done()), what, host);

    private static async Task UntilAsync(Func<Task<bool>> done, string what, HostProcess host)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!await done())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Waited in vain for {what}. Host log:\n{host.Log}");
            await Task.Delay(100);
        }
    }
}
