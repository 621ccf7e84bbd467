using System.Net;
using FluentAssertions;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SecondChance.Domain;
using SecondChance.Host.Hosting;
using SecondChance.Host.Tests.Support;
using SecondChance.Integrity.Tenancy;
using Wolverine;
using Xunit;

namespace SecondChance.Host.Tests.Platform;

/// <summary>
/// A province disabled by a national administrator is neither read nor written by anyone until it is enabled again,
/// even through a node that has not yet heard of it; a served province cannot be pointed at another database; a
/// disabled one can (a move), and is then served from the new database by nodes that never opened the old one.
/// </summary>
public sealed class ProvinceLifecycleTests(ProvinceLifecycleTests.Fixture fixture) : IClassFixture<ProvinceLifecycleTests.Fixture>
{
    public sealed class Fixture : ProvinceTenancyTests.Fixture
    {
        protected override void ConfigureHost(IWebHostBuilder builder)
        {
            base.ConfigureHost(builder);
            builder.UseSetting(MessagingHosting.DisabledProvinceRetrySetting, "1");
        }
    }

    private const string Events = "sc_events";

    private async Task<long> KpEventsAsync() => await fixture.EventsInAsync(fixture.KpDatabase);

    [Fact]
    public async Task A_disabled_provinces_users_get_503_for_reads_and_writes_and_nothing_is_written_until_it_is_enabled()
    {
        var national = fixture.CreateApi();
        var disabled = await national.PostAsync("/admin/tenants/kp/disable", new { reason = "Database server maintenance" });
        disabled.Status.Should().Be(HttpStatusCode.OK, disabled.ToString());
        disabled.Body.GetProperty("disabled").GetBoolean().Should().BeTrue();
        disabled.Body.GetProperty("disabledReason").GetString().Should().Be("Database server maintenance");
        try
        {
            var before = await KpEventsAsync();
            var read = await fixture.Kp.GetAsync($"/inmates/{fixture.KpInmate}");
            read.Status.Should().Be(HttpStatusCode.ServiceUnavailable);
            read.Body.GetProperty("code").GetString().Should().Be("tenant_disabled");
            read.Body.GetProperty("detail").GetString().Should().Contain("Database server maintenance");
            var write = await fixture.Kp.PostAsync("/facilities", new { name = "Peshawar Central Jail", code = "PCJ", timeZoneId = "Asia/Karachi" });
            write.Status.Should().Be(HttpStatusCode.ServiceUnavailable);
            (await KpEventsAsync()).Should().Be(before);

            (await fixture.Sindh.GetAsync($"/inmates/{fixture.SindhInmate}")).Status.Should().Be(HttpStatusCode.OK, "another province is untouched");
            (await fixture.Kp.GetAsync("/auth/me")).Status.Should().Be(HttpStatusCode.OK, "users are national records: its users still sign in and see why");
            (await fixture.Kp.GetAsync("/admin/users")).Status.Should().Be(HttpStatusCode.OK);
            var listed = (await national.GetAsync("/admin/tenants")).Body.EnumerateArray().Single(t => t.GetProperty("tenantId").GetString() == "kp");
            listed.GetProperty("disabled").GetBoolean().Should().BeTrue();
            var rollUp = (await (await FederalReaderOfBothAsync(national)).GetAsync("/read-models/national")).Body;
            rollUp.GetProperty("provinces").EnumerateArray().Select(p => p.GetProperty("tenant").GetString()).Should().NotContain("kp").And.Contain("sindh");
            rollUp.GetProperty("unserved").EnumerateArray().Select(p => p.GetString()).Should().Equal("kp");
        }
        finally
        {
            var enabled = await national.PostAsync("/admin/tenants/kp/enable", new { });
            enabled.Status.Should().Be(HttpStatusCode.OK, enabled.ToString());
            enabled.Body.GetProperty("disabled").GetBoolean().Should().BeFalse();
        }
        (await fixture.Kp.GetAsync($"/inmates/{fixture.KpInmate}")).Status.Should().Be(HttpStatusCode.OK);
        (await fixture.Kp.PostAsync("/facilities", new { name = "Peshawar Central Jail", code = "PCJ", timeZoneId = "Asia/Karachi" }))
            .Status.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_node_that_has_not_yet_heard_a_province_was_disabled_gets_its_write_refused_by_the_provinces_database()
    {
        // the guard alone, as a node sees it before its next look at the registry: it still serves the province
        await using var kp = NpgsqlDataSource.Create(fixture.ConnectionTo(fixture.KpDatabase));
        await ProvinceGuard.InstallAsync(kp, Events, [$"{Events}.mt_events"], CancellationToken.None);
        try
        {
            var before = await KpEventsAsync();
            var write = await fixture.Kp.PostAsync("/facilities", new { name = "Mardan Jail", code = "MJ", timeZoneId = "Asia/Karachi" });
            write.Status.Should().Be(HttpStatusCode.ServiceUnavailable, write.ToString());
            write.Body.GetProperty("code").GetString().Should().Be("tenant_disabled");
            (await KpEventsAsync()).Should().Be(before);
        }
        finally
        {
            await ProvinceGuard.RemoveAsync(kp, [$"{Events}.mt_events"], CancellationToken.None);
        }
        (await fixture.Kp.PostAsync("/facilities", new { name = "Mardan Jail", code = "MJ", timeZoneId = "Asia/Karachi" }))
            .Status.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_reminder_come_due_in_a_disabled_province_waits_untried_to_the_dead_letters_and_is_recorded_once_it_is_enabled()
    {
        var national = fixture.CreateApi();
        var releaseOn = new DateOnly(2031, 7, 15);
        (await fixture.Kp.PutAsync($"/inmates/{fixture.KpInmate}/release-plan", new { expectedReleaseDate = releaseOn.ToString("yyyy-MM-dd") }))
            .Status.Should().Be(HttpStatusCode.OK);
        (await national.PostAsync("/admin/tenants/kp/disable", new { reason = "Database server maintenance" })).Status.Should().Be(HttpStatusCode.OK);
        try
        {
            using var scope = fixture.Factory.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<IMessageBus>().ScheduleAsync(
                new Application.Inmates.RemindOfReleaseReadiness(fixture.KpInmate, releaseOn, 30), DateTimeOffset.UtcNow,
                new DeliveryOptions { TenantId = "kp" });
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (await KpScalarAsync("select coalesce(max(attempts), 0) from sc_messages.wolverine_incoming_envelopes where message_type like '%RemindOfReleaseReadiness'") < 2
                   && DateTime.UtcNow < deadline)
                await Task.Delay(100);

            (await KpScalarAsync("select coalesce(max(attempts), 0) from sc_messages.wolverine_incoming_envelopes where message_type like '%RemindOfReleaseReadiness'"))
                .Should().BeGreaterThanOrEqualTo(2, "the reminder was tried and refused");
            (await KpScalarAsync($"select count(*) from sc.release_reminders where inmate_id = '{fixture.KpInmate}'")).Should().Be(0);
            (await KpScalarAsync("select count(*) from sc_messages.wolverine_dead_letters")).Should().Be(0);
        }
        finally
        {
            (await national.PostAsync("/admin/tenants/kp/enable", new { })).Status.Should().Be(HttpStatusCode.OK);
        }
        var recorded = DateTime.UtcNow.AddSeconds(60);
        while (await KpScalarAsync($"select count(*) from sc.release_reminders where inmate_id = '{fixture.KpInmate}'") == 0 && DateTime.UtcNow < recorded)
            await Task.Delay(100);
        (await KpScalarAsync($"select count(*) from sc.release_reminders where inmate_id = '{fixture.KpInmate}' and days_before = 30")).Should().Be(1);
    }

    private async Task<long> KpScalarAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(fixture.ConnectionTo(fixture.KpDatabase));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_served_province_pointed_at_another_database_is_refused_with_409_and_nothing_changes()
    {
        var elsewhere = $"sc_t_{Guid.NewGuid():N}"[..20] + "_kp2";
        fixture.MoreDatabases.Add(elsewhere);
        var refused = await fixture.CreateApi().PostAsync("/admin/tenants", new { tenantId = "kp", name = "Khyber Pakhtunkhwa", connectionString = fixture.ConnectionTo(elsewhere) });

        refused.Status.Should().Be(HttpStatusCode.Conflict, refused.ToString());
        refused.Body.GetProperty("code").GetString().Should().Be("tenant_served");
        (await fixture.ScalarAsync($"select count(*) from pg_database where datname = '{elsewhere}'")).Should().Be(0);
        (await fixture.CreateApi().GetAsync("/admin/tenants")).Body.EnumerateArray()
            .Single(t => t.GetProperty("tenantId").GetString() == "kp").GetProperty("database").GetString().Should().Be(fixture.KpDatabase);
        (await fixture.Kp.GetAsync($"/inmates/{fixture.KpInmate}")).Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_served_provinces_connection_string_changed_for_the_same_database_is_no_move_and_it_stays_served()
    {
        var sameDatabase = new NpgsqlConnectionStringBuilder(fixture.ConnectionTo(fixture.KpDatabase)) { ApplicationName = "secondchance-kp" }.ConnectionString;
        var changed = await fixture.CreateApi().PostAsync("/admin/tenants", new { tenantId = "kp", name = "Khyber Pakhtunkhwa", connectionString = sameDatabase });

        changed.Status.Should().Be(HttpStatusCode.Created, changed.ToString());
        (await fixture.Kp.GetAsync($"/inmates/{fixture.KpInmate}")).Status.Should().Be(HttpStatusCode.OK);
        fixture.Factory.Services.GetRequiredService<IDocumentStore>().Provinces().MovedSinceStart.Should().BeEmpty();
    }

    [Fact]
    public async Task A_disabled_province_no_user_belongs_to_or_reads_is_removed_and_its_database_left_as_it_is()
    {
        var national = fixture.CreateApi();
        var ict = $"sc_t_{Guid.NewGuid():N}"[..20] + "_ict";
        var ajk = $"sc_t_{Guid.NewGuid():N}"[..20] + "_ajk";
        fixture.MoreDatabases.AddRange([ict, ajk]);
        (await national.PostAsync("/admin/tenants", new { tenantId = "ict", name = "Islamabad", connectionString = fixture.ConnectionTo(ict) }))
            .Status.Should().Be(HttpStatusCode.Created);
        (await national.PostAsync("/admin/tenants", new { tenantId = "ajk", name = "Azad Kashmir", connectionString = fixture.ConnectionTo(ajk) }))
            .Status.Should().Be(HttpStatusCode.Created);
        var ajkAdmin = await fixture.UserAsync(national, "ajk.admin", "Administrator", "ajk");
        var facility = await new Scenario(ajkAdmin).FacilityAsync();

        var served = await national.DeleteAsync("/admin/tenants/ict");
        served.Status.Should().Be(HttpStatusCode.Conflict);
        served.Body.GetProperty("code").GetString().Should().Be("tenant_served");
        foreach (var id in new[] { "ict", "ajk" })
            (await national.PostAsync($"/admin/tenants/{id}/disable", new { reason = "Pilot ended" })).Status.Should().Be(HttpStatusCode.OK);
        var inUse = await national.DeleteAsync("/admin/tenants/ajk");
        inUse.Status.Should().Be(HttpStatusCode.Conflict, "ajk.admin belongs to it");
        inUse.Body.GetProperty("code").GetString().Should().Be("tenant_in_use");

        (await national.DeleteAsync("/admin/tenants/ict")).Status.Should().Be(HttpStatusCode.NoContent);
        (await national.DeleteAsync("/admin/tenants/ict")).Status.Should().Be(HttpStatusCode.NotFound);
        (await national.GetAsync("/admin/tenants")).Body.EnumerateArray().Select(t => t.GetProperty("tenantId").GetString())
            .Should().NotContain("ict").And.Contain("ajk");
        var store = fixture.Factory.Services.GetRequiredService<IDocumentStore>();
        (await store.Storage.AllDatabases()).Select(ProvinceTenancy.TenantOf).Should().NotContain("ict");
        (await fixture.ScalarAsync($"select count(*) from pg_database where datname = '{ict}'")).Should().Be(1, "its database is left as it is");
        (await fixture.EventsOfAsync(ajk, StreamIds.Facility(facility.Id))).Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task Disabling_or_enabling_is_for_national_administrators_and_names_a_province_that_exists()
    {
        var national = fixture.CreateApi();
        (await national.PostAsync("/admin/tenants/nowhere/disable", new { reason = "x" })).Status.Should().Be(HttpStatusCode.NotFound);
        (await national.PostAsync("/admin/tenants/nowhere/enable", new { })).Status.Should().Be(HttpStatusCode.NotFound);
        var noReason = await national.PostAsync("/admin/tenants/kp/disable", new { });
        noReason.Status.Should().Be(HttpStatusCode.BadRequest);
        noReason.Body.GetProperty("errors").TryGetProperty("reason", out _).Should().BeTrue();
        (await fixture.Sindh.PostAsync("/admin/tenants/kp/disable", new { reason = "x" })).Status.Should().Be(HttpStatusCode.Forbidden);
        (await national.GetAsync("/admin/tenants")).Body.EnumerateArray().Should().OnlyContain(t => !t.GetProperty("disabled").GetBoolean());
    }

    [Fact]
    public async Task A_moved_province_is_served_from_its_new_database_by_a_node_that_never_opened_the_old_one_and_the_old_refuses_writes()
    {
        var old = $"sc_t_{Guid.NewGuid():N}"[..20] + "_gb";
        var moved = $"sc_t_{Guid.NewGuid():N}"[..20] + "_gb2";
        fixture.MoreDatabases.AddRange([old, moved]);
        var national = fixture.CreateApi();
        (await national.PostAsync("/admin/tenants", new { tenantId = "gb", name = "Gilgit-Baltistan", connectionString = fixture.ConnectionTo(old) }))
            .Status.Should().Be(HttpStatusCode.Created);
        var gb = await fixture.UserAsync(national, "gb.admin", "Administrator", "gb");
        var inmate = await new Scenario(gb).AdmitAsync((await new Scenario(gb).FacilityAsync()).Id);

        (await national.PostAsync("/admin/tenants/gb/disable", new { reason = "Moving to the new server" })).Status.Should().Be(HttpStatusCode.OK);
        var repointed = await national.PostAsync("/admin/tenants", new { tenantId = "gb", name = "Gilgit-Baltistan", connectionString = fixture.ConnectionTo(moved) });
        repointed.Status.Should().Be(HttpStatusCode.Created, repointed.ToString());
        var refused = await national.PostAsync("/admin/tenants/gb/enable", new { });
        refused.Status.Should().Be(HttpStatusCode.Conflict, "this node opened the old database");
        refused.Body.GetProperty("code").GetString().Should().Be("tenant_moved");

        // the enable-tenant verb's work, from a process that never opened the old database
        await using var other = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            ApiFixture.ConfigureTestHost(b, fixture.ConnectionString);
            b.UseSetting(Integrity.MartenSetup.ProvincesSetting, "true");
            b.UseSetting("Projections:Enabled", "false");
        });
        (await other.Services.GetRequiredService<TenantProvisioning>().EnableAsync("gb"))!.Disabled.Should().BeFalse();

        await fixture.Factory.Services.GetRequiredService<IDocumentStore>().Provinces().BuildDatabases(); // its next look
        var stale = await gb.GetAsync($"/inmates/{inmate}");
        stale.Status.Should().Be(HttpStatusCode.ServiceUnavailable);
        stale.Body.GetProperty("code").GetString().Should().Be("tenant_moved");
        var health = (await fixture.Factory.CreateClient().GetAsync("/health/ready")).Content.ReadAsStringAsync();
        System.Text.Json.JsonDocument.Parse(await health).RootElement.GetProperty("checks").GetProperty("provinces").GetProperty("status").GetString()
            .Should().Be("degraded", "this node must be restarted to serve the moved province");

        var client = other.CreateClient();
        var token = await TestUsers.TokenAsync(client, new TestUser(Guid.Empty, "gb.admin", "a-long-password-1"));
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var oldEvents = await fixture.EventsInAsync(old);
        var facility = await new Api(client).PostAsync("/facilities", new { name = "District Jail Gilgit", code = "DJG", timeZoneId = "Asia/Karachi" });
        facility.Status.Should().Be(HttpStatusCode.Created, facility.ToString());
        (await fixture.EventsOfAsync(moved, StreamIds.Facility(facility.Id))).Should().BeGreaterThan(0);
        (await fixture.EventsInAsync(old)).Should().Be(oldEvents);
        (await GuardsAsync(old)).Should().Be(1, "the old database keeps refusing writes for good");
        (await GuardsAsync(moved)).Should().Be(0);
    }

    private async Task<Api> FederalReaderOfBothAsync(Api national)
    {
        var username = $"reader.{Guid.NewGuid():N}"[..20];
        var reader = await national.PostAsync("/admin/users", new { username, displayName = "Federal reader", password = "a-long-password-1", roles = new[] { "Oversight" } });
        reader.Status.Should().Be(HttpStatusCode.Created, reader.ToString());
        foreach (var tenant in new[] { "sindh", "kp" })
            (await national.PostAsync($"/admin/users/{reader.Id}/tenant-reads", new { tenant })).Status.Should().Be(HttpStatusCode.OK);
        return await fixture.SignInAsync(username, reader.Id);
    }

    private async Task<long> GuardsAsync(string database)
    {
        await using var conn = new NpgsqlConnection(fixture.ConnectionTo(database));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("select count(*) from pg_trigger where tgname = 'sc_province_disabled' and tgrelid = 'sc_events.mt_events'::regclass", conn);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
