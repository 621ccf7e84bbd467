using System.Net;
using FluentAssertions;
using Npgsql;
using SecondChance.Domain;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using SecondChance.Host.Security;
using SecondChance.Integrity.Tenancy;
using SecondChance.Host.Tests.Support;
using Xunit;

namespace SecondChance.Host.Tests.Platform;

/// <summary>
/// Two provinces, each a Marten tenant with a database of its own, added while the Host runs: each province's records
/// are written to and read from its own database only; a user of one province cannot read, write or learn of the
/// other's records (404 everywhere); a federal reader reads the provinces granted, never writes them.
/// </summary>
public sealed class ProvinceTenancyTests(ProvinceTenancyTests.Fixture fixture) : IClassFixture<ProvinceTenancyTests.Fixture>
{
    public class Fixture : ApiFixture
    {
        public string SindhDatabase { get; } = $"sc_t_{Guid.NewGuid():N}"[..20] + "_sindh";
        public string KpDatabase { get; } = $"sc_t_{Guid.NewGuid():N}"[..20] + "_kp";
        public string BalochistanDatabase { get; } = $"sc_t_{Guid.NewGuid():N}"[..20] + "_bal";
        public Api Sindh { get; private set; } = null!;
        public Api Kp { get; private set; } = null!;
        public Api Federal { get; private set; } = null!;
        public Guid SindhFacility { get; private set; }
        public Guid SindhInmate { get; private set; }
        public Guid KpInmate { get; private set; }

        protected override void ConfigureHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder) =>
            builder.UseSetting(Integrity.MartenSetup.ProvincesSetting, "true");

        /// <summary>Databases a test made of its own, dropped with the fixture's.</summary>
        public List<string> MoreDatabases { get; } = [];

        public string ConnectionTo(string database) => new NpgsqlConnectionStringBuilder(ConnectionString) { Database = database }.ConnectionString;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            var national = CreateApi();
            (await national.PostAsync("/admin/tenants", new { tenantId = "sindh", name = "Sindh", connectionString = ConnectionTo(SindhDatabase) }))
                .Status.Should().Be(HttpStatusCode.Created, string.Join("\n", ServerErrors));
            (await national.PostAsync("/admin/tenants", new { tenantId = "kp", name = "Khyber Pakhtunkhwa", connectionString = ConnectionTo(KpDatabase) }))
                .Status.Should().Be(HttpStatusCode.Created, string.Join("\n", ServerErrors));
            Sindh = await UserAsync(national, "sindh.admin", "Administrator", "sindh");
            Kp = await UserAsync(national, "kp.admin", "Administrator", "kp");
            var federal = await national.PostAsync("/admin/users", new { username = "federal.ombudsman", displayName = "Federal ombudsman", password = "a-long-password-1", roles = new[] { "Oversight" } });
            (await national.PostAsync($"/admin/users/{federal.Id}/tenant-reads", new { tenant = "sindh" })).Status.Should().Be(HttpStatusCode.OK);
            Federal = await SignInAsync("federal.ombudsman", federal.Id);

            var sindhScenario = new Scenario(Sindh);
            var facility = await sindhScenario.FacilityAsync();
            SindhFacility = facility.Id;
            SindhInmate = await sindhScenario.AdmitAsync(facility.Id);
            var kpFacility = await new Scenario(Kp).FacilityAsync();
            KpInmate = await new Scenario(Kp).AdmitAsync(kpFacility.Id);
        }

        public async Task<Api> UserAsync(Api national, string username, string role, string tenant)
        {
            var created = await national.PostAsync("/admin/users", new { username, displayName = username, password = "a-long-password-1", roles = new[] { role }, tenant });
            created.Status.Should().Be(HttpStatusCode.Created, created.ToString());
            return await SignInAsync(username, created.Id);
        }

        public async Task<Api> SignInAsync(string username, Guid id)
        {
            var client = Factory.CreateClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer", await TestUsers.TokenAsync(client, new TestUser(id, username, "a-long-password-1")));
            return new Api(client);
        }

        public async Task<long> EventsOfAsync(string database, string streamId)
        {
            await using var conn = new NpgsqlConnection(ConnectionTo(database));
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("select count(*) from sc_events.mt_events where stream_id = $1", conn);
            cmd.Parameters.Add(new() { Value = streamId });
            return (long)(await cmd.ExecuteScalarAsync())!;
        }

        /// <summary>Records a failure for a read model of a province, as a poison event does (the daemon keeps running it).</summary>
        public Task PauseReadModelInAsync(string database, string name) => ExecuteInAsync(database, $"""
            insert into sc_events.sc_read_model_failures (name, position, event_type, stream_id, error)
            values ('{name}', 1, 'test.paused', 'test', 'Paused by the test') on conflict do nothing
            """);

        public Task ClearFailuresInAsync(string database) => ExecuteInAsync(database, "delete from sc_events.sc_read_model_failures");

        private async Task ExecuteInAsync(string database, string sql)
        {
            await using var conn = new NpgsqlConnection(ConnectionTo(database));
            await conn.OpenAsync();
            await new NpgsqlCommand(sql, conn).ExecuteNonQueryAsync();
        }

        public async Task<long> EventsInAsync(string database)
        {
            await using var conn = new NpgsqlConnection(ConnectionTo(database));
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("select count(*) from sc_events.mt_events", conn);
            return (long)(await cmd.ExecuteScalarAsync())!;
        }

        public override async Task DisposeAsync()
        {
            var admin = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
            await base.DisposeAsync();
            await using var conn = new NpgsqlConnection(admin);
            await conn.OpenAsync();
            foreach (var db in new[] { SindhDatabase, KpDatabase, BalochistanDatabase }.Concat(MoreDatabases))
                await new NpgsqlCommand($"drop database if exists \"{db}\" with (force)", conn).ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task A_provinces_events_are_stored_in_its_own_database_only()
    {
        (await fixture.EventsOfAsync(fixture.SindhDatabase, StreamIds.Inmate(fixture.SindhInmate))).Should().BeGreaterThan(0);
        (await fixture.EventsOfAsync(fixture.KpDatabase, StreamIds.Inmate(fixture.SindhInmate))).Should().Be(0);
        (await fixture.ScalarAsync($"select count(*) from sc_events.mt_events where stream_id = '{StreamIds.Inmate(fixture.SindhInmate)}'")).Should().Be(0);
        (await fixture.EventsOfAsync(fixture.KpDatabase, StreamIds.Inmate(fixture.KpInmate))).Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task Each_provinces_user_reads_their_own_inmate()
    {
        (await fixture.Sindh.GetAsync($"/inmates/{fixture.SindhInmate}")).Status.Should().Be(HttpStatusCode.OK);
        (await fixture.Kp.GetAsync($"/inmates/{fixture.KpInmate}")).Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_user_of_one_province_finds_no_inmate_of_another_by_id_to_read_or_write()
    {
        var id = fixture.SindhInmate;
        (await fixture.Kp.GetAsync($"/inmates/{id}")).Status.Should().Be(HttpStatusCode.NotFound);
        (await fixture.Kp.PostAsync($"/inmates/{id}/medical-screenings", new { screenedAt = Scenario.Past, screenedBy = "Dr. Hina", summary = "Fit" }))
            .Status.Should().Be(HttpStatusCode.NotFound);
        var list = await fixture.Kp.GetAsync("/inmates");
        list.Body.ToString().Should().NotContain(id.ToString());
        (await fixture.EventsOfAsync(fixture.SindhDatabase, StreamIds.Inmate(id))).Should().Be(1, "nothing was written by the other province's user");
    }

    [Fact]
    public async Task A_user_cannot_name_a_province_they_were_not_granted()
    {
        var asked = await fixture.Kp.GetAsync($"/inmates/{fixture.SindhInmate}", (TenantResolution.Header, "sindh"));
        asked.Status.Should().Be(HttpStatusCode.NotFound);
        var unknown = await fixture.Kp.GetAsync($"/inmates/{fixture.SindhInmate}", (TenantResolution.Header, "punjab"));
        unknown.Status.Should().Be(HttpStatusCode.NotFound);
        unknown.Body.GetProperty("detail").GetString().Should().Be(asked.Body.GetProperty("detail").GetString()!.Replace("sindh", "punjab"),
            "an existing province and a missing one are answered alike");
    }

    [Fact]
    public async Task A_federal_reader_reads_a_granted_province_and_writes_nothing_there()
    {
        (await fixture.Federal.GetAsync($"/inmates/{fixture.SindhInmate}", (TenantResolution.Header, "sindh"))).Status.Should().Be(HttpStatusCode.OK);
        (await fixture.Federal.GetAsync($"/inmates/{fixture.SindhInmate}")).Status.Should().Be(HttpStatusCode.NotFound);
        (await fixture.Federal.GetAsync($"/inmates/{fixture.KpInmate}", (TenantResolution.Header, "kp"))).Status.Should().Be(HttpStatusCode.NotFound);
        var me = await fixture.Federal.GetAsync("/auth/me");
        me.Body.GetProperty("readTenants").EnumerateArray().Select(t => t.GetString()).Should().Equal("sindh");
        me.Body.GetProperty("tenant").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        var write = await fixture.Federal.PostAsync($"/inmates/{fixture.SindhInmate}/medical-screenings",
            new { screenedAt = Scenario.Past, screenedBy = "Dr. Hina", summary = "Fit" }, (TenantResolution.Header, "sindh"));
        write.Status.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_province_added_while_the_host_runs_has_its_read_models_projected_in_its_own_database()
    {
        var timeline = await UntilAsync(() => fixture.Sindh.GetAsync($"/read-models/inmates/{fixture.SindhInmate}/timeline"),
            r => r.Status == HttpStatusCode.OK && r.Body.GetArrayLength() > 0);
        timeline.Body.GetArrayLength().Should().BeGreaterThan(0);
        (await fixture.Kp.GetAsync($"/read-models/inmates/{fixture.SindhInmate}/timeline")).Body.GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task A_provinces_administrator_sees_and_manages_only_that_provinces_users()
    {
        var users = await fixture.Kp.GetAsync("/admin/users");
        users.Body.EnumerateArray().Select(u => u.GetProperty("username").GetString()).Should().Equal("kp.admin");
        var sindhAdmin = (await fixture.CreateApi().GetAsync("/admin/users")).Body.EnumerateArray()
            .Single(u => u.GetProperty("username").GetString() == "sindh.admin").GetProperty("userId").GetGuid();
        (await fixture.Kp.PostAsync($"/admin/users/{sindhAdmin}/deactivation", new { reason = "x" })).Status.Should().Be(HttpStatusCode.NotFound);
        (await fixture.Kp.PostAsync("/admin/tenants", new { tenantId = "punjab", name = "Punjab", connectionString = "Host=x;Database=y" }))
            .Status.Should().Be(HttpStatusCode.Forbidden);
        var intoSindh = await fixture.Kp.PostAsync("/admin/users", new { username = "kp.into.sindh", displayName = "Into Sindh",
            password = "a-long-password-1", roles = new[] { "Instructor" }, tenant = "sindh" });
        intoSindh.Status.Should().Be(HttpStatusCode.Forbidden, intoSindh.ToString());
        var own = await fixture.Kp.PostAsync("/admin/users", new { username = "kp.instructor", displayName = "KP instructor",
            password = "a-long-password-1", roles = new[] { "Instructor" }, tenant = "kp" });
        own.Status.Should().Be(HttpStatusCode.Created, own.ToString());
        (await fixture.CreateApi().GetAsync("/admin/users")).Body.EnumerateArray().Select(u => u.GetProperty("username").GetString())
            .Should().Contain("kp.instructor").And.NotContain("kp.into.sindh");
    }

    [Fact]
    public async Task Adding_a_province_on_the_home_database_is_refused_and_writes_nothing()
    {
        var refused = await fixture.CreateApi().PostAsync("/admin/tenants", new { tenantId = "punjab", name = "Punjab", connectionString = fixture.ConnectionString });
        refused.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        refused.Code.Should().Be("tenant_invalid");
        (await fixture.CreateApi().GetAsync("/admin/tenants")).Body.EnumerateArray().Select(t => t.GetProperty("tenantId").GetString())
            .Should().Contain(["kp", "sindh"]).And.NotContain("punjab");
    }

    [Fact]
    public async Task Each_provinces_hash_chains_verify_in_its_own_database_and_the_homes_holds_none_of_them()
    {
        var verifier = fixture.Factory.Services.GetRequiredService<SecondChance.Integrity.HashChain.ChainVerifier>();
        SecondChance.Integrity.HashChain.VerificationReport sindh, kp;
        using (TenantScope.Enter("sindh")) sindh = await verifier.VerifyAsync();
        using (TenantScope.Enter("kp")) kp = await verifier.VerifyAsync();
        var home = await verifier.VerifyAsync();
        sindh.IsClean.Should().BeTrue();
        kp.IsClean.Should().BeTrue();
        sindh.EventsChecked.Should().Be(await fixture.EventsInAsync(fixture.SindhDatabase));
        kp.EventsChecked.Should().Be(await fixture.EventsInAsync(fixture.KpDatabase));
        home.EventsChecked.Should().Be(await fixture.ScalarAsync("select count(*) from sc_events.mt_events"));
        (await fixture.ScalarAsync("select count(*) from sc_events.mt_events where stream_id like 'facility-%'")).Should().Be(0,
            "every facility was registered by a province's administrator");
    }

    [Fact]
    public async Task The_national_roll_up_shows_each_province_a_federal_reader_may_read_and_their_sum()
    {
        await UntilAsync(() => fixture.Sindh.GetAsync("/read-models/national"),
            r => r.Body.GetProperty("provinces")[0].GetProperty("inmatesInCustody").GetInt64() == 1);
        var rollUp = await fixture.Federal.GetAsync("/read-models/national");
        rollUp.Status.Should().Be(HttpStatusCode.OK);
        var provinces = rollUp.Body.GetProperty("provinces").EnumerateArray().ToList();
        provinces.Select(p => p.GetProperty("tenant").GetString()).Should().Equal(TenantScope.Home, "sindh");
        provinces[1].GetProperty("name").GetString().Should().Be("Sindh");
        provinces[1].GetProperty("inmatesInCustody").GetInt64().Should().Be(1);
        provinces[0].GetProperty("inmatesInCustody").GetInt64().Should().Be(0);
        rollUp.Body.GetProperty("national").GetProperty("inmatesInCustody").GetInt64().Should().Be(1, "KP is not granted to this reader");
        var kp = (await fixture.Kp.GetAsync("/read-models/national")).Body.GetProperty("provinces").EnumerateArray().ToList();
        kp.Select(p => p.GetProperty("tenant").GetString()).Should().Equal("kp");
    }

    [Fact]
    public async Task A_province_added_by_another_process_is_served_by_a_running_node_without_a_restart()
    {
        // a second Host on the same home database adds it, as the add-tenant verb does from a process of its own; it runs
        // no read models, so the province's projections can only run on the fixture's node, which was never restarted
        await using (var other = new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>().WithWebHostBuilder(b =>
                     {
                         ApiFixture.ConfigureTestHost(b, fixture.ConnectionString);
                         b.UseSetting(Integrity.MartenSetup.ProvincesSetting, "true");
                         b.UseSetting("Projections:Enabled", "false");
                     }))
        {
            await other.Services.GetRequiredService<Hosting.TenantProvisioning>()
                .AddAsync("balochistan", "Balochistan", fixture.ConnectionTo(fixture.BalochistanDatabase));
        }
        var national = fixture.CreateApi();
        var admin = await national.PostAsync("/admin/users", new { username = "bal.admin", displayName = "Balochistan", password = "a-long-password-1",
            roles = new[] { "Administrator" }, tenant = "balochistan" });
        admin.Status.Should().Be(HttpStatusCode.Created, admin.ToString());
        var client = fixture.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await TestUsers.TokenAsync(client, new TestUser(admin.Id, "bal.admin", "a-long-password-1")));
        var balochistan = new Api(client);
        var scenario = new Scenario(balochistan);
        var inmate = await scenario.AdmitAsync((await scenario.FacilityAsync()).Id);

        var timeline = await UntilAsync(() => balochistan.GetAsync($"/read-models/inmates/{inmate}/timeline"),
            r => r.Status == HttpStatusCode.OK && r.Body.GetArrayLength() > 0);
        timeline.Body.GetArrayLength().Should().BeGreaterThan(0);
        (await fixture.EventsOfAsync(fixture.BalochistanDatabase, StreamIds.Inmate(inmate))).Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task A_province_being_added_is_offered_to_no_daemon_or_message_agent_until_it_is_registered()
    {
        var store = fixture.Factory.Services.GetRequiredService<Marten.IDocumentStore>();
        var tenancy = store.Provinces();
        tenancy.Open(new TenantRecord("being-added", "Being added", fixture.ConnectionTo("sc_never_made"), DateTimeOffset.UtcNow));

        (await store.Storage.AllDatabases()).Select(ProvinceTenancy.TenantOf).Should().NotContain("being-added").And.Contain([TenantScope.Home, "sindh", "kp"]);
        (await tenancy.DescribeDatabasesAsync(CancellationToken.None)).Databases.SelectMany(d => d.TenantIds)
            .Should().NotContain("being-added").And.Contain(["sindh", "kp"]);
    }

    [Fact]
    public async Task A_national_administrator_runs_a_provinces_read_models_but_reads_none_of_its_records()
    {
        var national = fixture.CreateApi();
        var status = await national.GetAsync("/admin/projections", (TenantResolution.Header, "sindh"));
        status.Status.Should().Be(HttpStatusCode.OK, status.ToString());
        status.Header(TenantResolution.Header).Should().Be("sindh");
        (await national.GetAsync($"/inmates/{fixture.SindhInmate}", (TenantResolution.Header, "sindh"))).Status.Should().Be(HttpStatusCode.NotFound);
        (await national.GetAsync("/admin/projections", (TenantResolution.Header, "punjab"))).Status.Should().Be(HttpStatusCode.NotFound);
        (await fixture.Kp.GetAsync("/admin/projections", (TenantResolution.Header, "sindh"))).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Readiness_covers_every_provinces_read_models()
    {
        var ready = await UntilAsync(() => fixture.CreateAnonymousApi().GetAsync("/health/ready"), r => r.Status == HttpStatusCode.OK);
        ready.Status.Should().Be(HttpStatusCode.OK, ready.ToString());
        await fixture.PauseReadModelInAsync(fixture.KpDatabase, "catalogue");
        var paused = await UntilAsync(() => fixture.CreateAnonymousApi().GetAsync("/health/ready"), r => r.Status != HttpStatusCode.OK);
        paused.Status.Should().Be(HttpStatusCode.ServiceUnavailable);
        paused.Body.ToString().Should().Contain("kp/catalogue");
        await fixture.ClearFailuresInAsync(fixture.KpDatabase);
    }

    [Fact]
    public async Task The_compliance_sweep_notifies_a_provinces_finding_in_that_province_only()
    {
        var given = new Scenario(fixture.Sindh);
        var facility = await given.FacilityAsync();
        var inmate = await given.AdmitAsync(facility.Id);
        await given.Ok($"/inmates/{inmate}/housing", new { wardId = facility.MaleWard });
        await given.Ok($"/inmates/{inmate}/medical-screenings", new { screenedAt = "2025-01-10T12:00:00+05:00", screenedBy = "Dr. Hina", summary = "Fit" });
        await given.Ok($"/inmates/{inmate}/segregation", new { reason = "Violence", authorisedBy = "Superintendent", at = "2025-05-01T09:00:00+05:00" });
        await UntilAsync(() => fixture.Sindh.GetAsync($"/read-models/compliance/inmates/{inmate}"),
            r => r.Body.ToString().Contains("segregation", StringComparison.OrdinalIgnoreCase));

        var notified = await UntilAsync(async () =>
        {
            await Notifications.SweepTimer.SweepEveryTenantAsync(fixture.Factory.Services, CancellationToken.None);
            return await fixture.Sindh.GetAsync($"/oversight/facilities/{facility.Id}/notifications");
        }, r => r.Body.ToString().Contains("prolonged_segregation"));
        notified.Body.EnumerateArray().Should().Contain(n => n.GetProperty("ruleCode").GetString() == "prolonged_segregation"
                                                             && n.GetProperty("inmateId").GetGuid() == inmate);
        var kp = await fixture.Kp.GetAsync($"/oversight/facilities/{facility.Id}/notifications");
        kp.Body.ToString().Should().NotContain(inmate.ToString());
    }

    [Fact]
    public async Task A_provinces_administrator_retrying_a_user_registration_with_its_idempotency_key_gets_the_first_answer()
    {
        var body = new { username = "kp.clerk", displayName = "KP clerk", password = "a-long-password-1", roles = new[] { "FacilityStaff" } };
        var first = await fixture.Kp.PostAsync("/admin/users", body, Api.IdempotencyKey("kp-clerk-1"));
        var again = await fixture.Kp.PostAsync("/admin/users", body, Api.IdempotencyKey("kp-clerk-1"));
        first.Status.Should().Be(HttpStatusCode.Created, first.ToString());
        again.Status.Should().Be(HttpStatusCode.Created, again.ToString());
        again.Header("Idempotent-Replayed").Should().Be("true");
        again.Id.Should().Be(first.Id);
        var user = await fixture.CreateApi().GetAsync($"/admin/users/{first.Id}");
        user.Body.GetProperty("tenant").GetString().Should().Be("kp", "a province's administrator registers users into that province");
    }

    /// <summary>
    /// Every endpoint of the routing table (a new one is walked too), GET and POST, addressing the Sindh inmate and
    /// facility as a KP administrator: each answers exactly as for ids that exist nowhere, never 2xx for a write and
    /// never 403 (which would tell the record exists), shows nothing of them, and writes nothing to Sindh's database.
    /// </summary>
    [Fact]
    public async Task A_user_of_one_province_learns_nothing_of_another_provinces_records_through_any_endpoint()
    {
        var sindhEvents = await fixture.EventsInAsync(fixture.SindhDatabase);
        var routes = fixture.Factory.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [])
                .Where(m => m is "GET" or "POST").Select(m => (Method: m, Route: "/" + (e.RoutePattern.RawText ?? "").Trim('/'))))
            .Where(r => r.Route.Contains("{inmateId") || r.Route.Contains("{facilityId"))
            .Distinct().ToList();
        routes.Should().HaveCountGreaterThan(50);

        var differences = new List<string>();
        foreach (var (method, route) in routes)
        {
            var foreign = await SendAsync(fixture.Kp, method, Fill(route, fixture.SindhInmate, fixture.SindhFacility));
            var nowhere = await SendAsync(fixture.Kp, method, Fill(route, Guid.NewGuid(), Guid.NewGuid()));
            if (foreign.Status != nowhere.Status) differences.Add($"{method} {route}: {(int)foreign.Status} for Sindh's ids, {(int)nowhere.Status} for none");
            if (foreign.Status == HttpStatusCode.Forbidden) differences.Add($"{method} {route}: 403 tells that the record exists");
            if (method == "POST" && (int)foreign.Status is >= 200 and < 300) differences.Add($"{method} {route}: accepted a write");
            var body = foreign.Body.ToString();
            if (body.Contains(fixture.SindhInmate.ToString()) && !Fill(route, fixture.SindhInmate, fixture.SindhFacility).Contains(fixture.SindhInmate.ToString()))
                differences.Add($"{method} {route} shows the Sindh inmate");
        }

        differences.Should().BeEmpty();
        (await fixture.EventsInAsync(fixture.SindhDatabase)).Should().Be(sindhEvents, "nothing was written to Sindh's database");
    }

    private static string Fill(string route, Guid inmate, Guid facility) =>
        System.Text.RegularExpressions.Regex.Replace(route, "{([A-Za-z]+)(:[^}]*)?}", m => m.Groups[1].Value switch
        {
            "inmateId" => inmate.ToString(),
            "facilityId" => facility.ToString(),
            "name" or "documentName" => "v1",
            "certificateNumber" => "X-1",
            "code" => "0000-0000-0000-0000-0000-0000-0000",
            _ => Guid.Empty.ToString(),
        });

    private static Task<ApiResponse> SendAsync(Api api, string method, string url) =>
        method == "GET" ? api.GetAsync(url) : api.PostAsync(url, new { });

    private static async Task<ApiResponse> UntilAsync(Func<Task<ApiResponse>> get, Func<ApiResponse, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var r = await get();
            if (done(r) || DateTime.UtcNow > deadline) return r;
            await Task.Delay(200);
        }
    }
}
