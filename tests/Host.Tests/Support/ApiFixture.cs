using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SecondChance.Domain.Access;
using SecondChance.Testing;

namespace SecondChance.Host.Tests.Support;

/// <summary>
/// One Host per test class on its own fresh database; tests reset the data before they start. <see cref="CreateApi"/>
/// is signed in as an administrator, registered through the real use cases (again after every reset).
/// </summary>
public class ApiFixture : EventStoreDatabase
{
    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    public TestUser Admin { get; private set; } = null!;

    private string _adminToken = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:SecondChance", ConnectionString);
            b.UseSetting("Security:SignInsPerAddressPerMinute", "100000");
            b.UseSetting("Security:SignInsPerUsernamePerMinute", "100000");
            b.ConfigureServices(s =>
            {
                s.AddSingleton<TimeProvider>(new FixedTime(FixedTime.Now));
                // hashing cost is not under test; keep fixtures fast
                s.Configure<PasswordHasherOptions>(o => o.IterationCount = 1000);
            });
        });
        using var client = Factory.CreateClient();
        (await client.GetAsync("/health")).EnsureSuccessStatusCode();
        Admin = await TestUsers.RegisterAsync(Factory, Role.Administrator, username: "fixture.admin", password: $"pw-{Guid.NewGuid():N}");
        _adminToken = await TestUsers.TokenAsync(client, Admin);
    }

    /// <summary>Empties every table, sets the projections up again, then registers the fixture's administrator again under the same id.</summary>
    public new async Task ResetAsync()
    {
        // the projection daemon keeps running; a truncate can deadlock with its checkpoint writes, so try again
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await base.ResetAsync();
                break;
            }
            catch (Npgsql.PostgresException e) when (e.SqlState is "40P01" or "55P03" && attempt < 10) { await Task.Delay(20 * attempt); }
        }
        var registry = Factory.Services.GetRequiredService<SecondChance.Projections.Engine.ProjectionRegistry>();
        await Factory.Services.GetRequiredService<SecondChance.Projections.Engine.ProjectionStore>().EnsureAsync(registry.All);
        await TestUsers.RegisterAsync(Factory, Role.Administrator, userId: Admin.Id, username: Admin.Username, password: Admin.Password);
    }

    public Api CreateApi()
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", _adminToken);
        return new Api(client);
    }

    public Api CreateAnonymousApi() => new(Factory.CreateClient());

    /// <summary>Events outside the user and username streams (the fixture's own administrator is not under test).</summary>
    /// <summary>Waits until every projection has applied every event committed so far (read models lag by design).</summary>
    public async Task ProjectionsCaughtUpAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await ScalarAsync("""
            select count(*) from sc.projections p
             where exists (select 1 from sc_events.sc_event_hashes e where (e.transaction_id, e.seq_id) > (p.checkpoint_tx, p.checkpoint_seq))
            """) > 0)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The projections did not catch up within 60 seconds.");
            await Task.Delay(50);
        }
    }

    public Task<long> EventCountAsync() =>
        ScalarAsync("select count(*) from sc_events.mt_events where stream_id not like 'user-%' and stream_id not like 'username-%' and stream_id <> 'mt_tombstone'");

    public override async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await base.DisposeAsync();
    }
}
