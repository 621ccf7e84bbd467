using System.Net;
using FluentAssertions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SecondChance.Domain;
using SecondChance.Host.Demo;
using SecondChance.Host.Security;
using SecondChance.Host.Tests.Support;
using Xunit;

namespace SecondChance.Host.Tests.Platform;

/// <summary>
/// The demo's province mode: Sindh and Khyber Pakhtunkhwa added as tenants beside the home database, Karachi seeded in
/// Sindh's database and Peshawar in KP's, their administrators and a national ombudsman signed in with the demo password,
/// and a second run that seeds nothing.
/// </summary>
public sealed class DemoProvincesTests(DemoProvincesTests.Fixture fixture) : IClassFixture<DemoProvincesTests.Fixture>
{
    public sealed class Fixture : ApiFixture
    {
        public const string Password = "demo-password-for-provinces";

        public DemoSeedResult First { get; private set; } = null!;
        public DemoSeedResult Second { get; private set; } = null!;
        public (long Sindh, long Kp) EventsAfterFirst { get; private set; }
        public (long Sindh, long Kp) EventsAfterSecond { get; private set; }

        public string Database(DemoProvinces.Province province) =>
            new NpgsqlConnectionStringBuilder(DemoProvinces.ConnectionStringOf(province, ConnectionString)).Database!;

        protected override void ConfigureHost(IWebHostBuilder builder) =>
            builder.UseSetting(DemoAdministrator.PasswordSetting, Password).UseSetting(Integrity.MartenSetup.ProvincesSetting, "true");

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            var provinces = Factory.Services.GetRequiredService<DemoProvinces>();
            First = await provinces.SeedAsync(inmates: 20);
            EventsAfterFirst = (await EventsInAsync(DemoProvinces.Sindh), await EventsInAsync(DemoProvinces.Kp));
            Second = await provinces.SeedAsync(inmates: 20);
            EventsAfterSecond = (await EventsInAsync(DemoProvinces.Sindh), await EventsInAsync(DemoProvinces.Kp));
        }

        public async Task<Api> SignInAsync(string username)
        {
            var client = Factory.CreateClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer", await TestUsers.TokenAsync(client, new TestUser(Guid.Empty, username, Password)));
            return new Api(client);
        }

        public Task<long> EventsInAsync(DemoProvinces.Province province, string? streamId = null) =>
            CountAsync(DemoProvinces.ConnectionStringOf(province, ConnectionString), streamId);

        public Task<long> HomeEventsAsync(string streamId) => CountAsync(ConnectionString, streamId);

        private static async Task<long> CountAsync(string connectionString, string? streamId)
        {
            await using var conn = new NpgsqlConnection(connectionString);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("select count(*) from sc_events.mt_events where $1::text is null or stream_id = $1", conn);
            cmd.Parameters.Add(new() { Value = (object?)streamId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            return (long)(await cmd.ExecuteScalarAsync())!;
        }

        public override async Task DisposeAsync()
        {
            var admin = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
            var databases = DemoProvinces.Provinces.Select(Database).ToList();
            await base.DisposeAsync();
            await using var conn = new NpgsqlConnection(admin);
            await conn.OpenAsync();
            foreach (var db in databases)
                await new NpgsqlCommand($"drop database if exists \"{db}\" with (force)", conn).ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public void The_province_mode_seeds_both_provinces_without_a_refused_command()
    {
        fixture.First.Seeded.Should().BeTrue();
        fixture.First.Commands.Should().BeGreaterThan(100);
        fixture.First.Refused.Should().Be(0);
    }

    [Fact]
    public async Task Karachis_stream_is_in_the_sindh_database_only_and_Peshawars_in_the_kp_database_only()
    {
        var karachi = StreamIds.Facility(DemoWorld.Karachi.Id);
        var peshawar = StreamIds.Facility(DemoWorld.Peshawar.Id);
        (await fixture.EventsInAsync(DemoProvinces.Sindh, karachi)).Should().BeGreaterThan(0);
        (await fixture.EventsInAsync(DemoProvinces.Kp, karachi)).Should().Be(0);
        (await fixture.HomeEventsAsync(karachi)).Should().Be(0);
        (await fixture.EventsInAsync(DemoProvinces.Kp, peshawar)).Should().BeGreaterThan(0);
        (await fixture.EventsInAsync(DemoProvinces.Sindh, peshawar)).Should().Be(0);
        (await fixture.HomeEventsAsync(peshawar)).Should().Be(0);
        (await fixture.EventCountAsync()).Should().Be(0, "the home database keeps the users only");
    }

    [Fact]
    public async Task Each_province_holds_its_own_mentors_and_the_partner_both_jails_work_with()
    {
        var karachiMentor = StreamIds.Mentor(DemoWorld.MentorsOf(DemoWorld.Karachi)[0].Id);
        var peshawarMentor = StreamIds.Mentor(DemoWorld.MentorsOf(DemoWorld.Peshawar)[0].Id);
        (await fixture.EventsInAsync(DemoProvinces.Sindh, karachiMentor)).Should().BeGreaterThan(0);
        (await fixture.EventsInAsync(DemoProvinces.Kp, karachiMentor)).Should().Be(0);
        (await fixture.EventsInAsync(DemoProvinces.Kp, peshawarMentor)).Should().BeGreaterThan(0);
        (await fixture.EventsInAsync(DemoProvinces.Sindh, peshawarMentor)).Should().Be(0);
        var kaarvan = StreamIds.Partner(DemoSeeder.Kaarvan);
        (await fixture.EventsInAsync(DemoProvinces.Sindh, kaarvan)).Should().BeGreaterThan(0);
        (await fixture.EventsInAsync(DemoProvinces.Kp, kaarvan)).Should().BeGreaterThan(0);
        (await fixture.EventsInAsync(DemoProvinces.Kp, StreamIds.Partner(DemoSeeder.ArtsCouncil))).Should().Be(0);
    }

    [Fact]
    public async Task The_kp_administrator_signed_in_with_the_demo_password_lists_Peshawar_only()
    {
        var kp = await fixture.SignInAsync("kp.admin");
        var facilities = await kp.GetAsync("/facilities");
        facilities.Status.Should().Be(HttpStatusCode.OK, facilities.ToString());
        facilities.Body.EnumerateArray().Select(f => f.GetProperty("facilityId").GetGuid()).Should().Equal(DemoWorld.Peshawar.Id);
    }

    [Fact]
    public async Task The_national_ombudsman_naming_sindh_sees_Karachi_and_naming_kp_sees_Peshawar()
    {
        var federal = await fixture.SignInAsync("federal.ombudsman");
        var sindh = await federal.GetAsync("/facilities", (TenantResolution.Header, "sindh"));
        sindh.Status.Should().Be(HttpStatusCode.OK, sindh.ToString());
        sindh.Body.EnumerateArray().Select(f => f.GetProperty("facilityId").GetGuid()).Should().Equal(DemoWorld.Karachi.Id);
        (await federal.GetAsync($"/facilities/{DemoWorld.Karachi.Id}", (TenantResolution.Header, "sindh"))).Status.Should().Be(HttpStatusCode.OK);
        var kp = await federal.GetAsync("/facilities", (TenantResolution.Header, "kp"));
        kp.Body.EnumerateArray().Select(f => f.GetProperty("facilityId").GetGuid()).Should().Equal(DemoWorld.Peshawar.Id);
    }

    [Fact]
    public void A_second_run_seeds_nothing_in_either_province()
    {
        fixture.Second.Should().Be(new DemoSeedResult(false, 0, 0));
        fixture.EventsAfterFirst.Sindh.Should().BeGreaterThan(0);
        fixture.EventsAfterFirst.Kp.Should().BeGreaterThan(0);
        fixture.EventsAfterSecond.Should().Be(fixture.EventsAfterFirst);
    }
}
