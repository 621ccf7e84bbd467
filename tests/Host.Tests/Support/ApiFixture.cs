using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using JasperFx.Events.Daemon;
using Microsoft.Extensions.DependencyInjection;
using SecondChance.Domain.Access;
using SecondChance.Projections.OnMarten;
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

    /// <summary>What the Host logged as an error, to put beside a failed assertion on a 500 (CI shows no Host logs).</summary>
    public ConcurrentQueue<string> ServerErrors { get; } = new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            ConfigureTestHost(b, ConnectionString);
            b.ConfigureLogging(l => l.AddProvider(new CapturingLoggerProvider(ServerErrors, LogLevel.Error)));
            ConfigureHost(b);
        });
        using var client = Factory.CreateClient();
        (await client.GetAsync("/health")).EnsureSuccessStatusCode();
        Admin = await TestUsers.RegisterAsync(Factory, Role.Administrator, username: "fixture.admin", password: $"pw-{Guid.NewGuid():N}");
        _adminToken = await TestUsers.TokenAsync(client, Admin);
    }

    /// <summary>What every test Host gets: its database, sign-in limits out of the way, the fixed clock, cheap hashing.</summary>
    public static void ConfigureTestHost(IWebHostBuilder b, string connectionString)
    {
        b.UseSetting("ConnectionStrings:SecondChance", connectionString);
        b.UseSetting("Security:SignInsPerAddressPerMinute", "100000");
        b.UseSetting("Security:SignInsPerUsernamePerMinute", "100000");
        b.ConfigureServices(s =>
        {
            s.AddSingleton<TimeProvider>(new FixedTime(FixedTime.Now));
            // hashing cost is not under test; keep fixtures fast
            s.Configure<PasswordHasherOptions>(o => o.IterationCount = 1000);
        });
    }

    /// <summary>More settings or services for a test class's own fixture, after the shared ones.</summary>
    protected virtual void ConfigureHost(IWebHostBuilder builder) { }

    private MartenReadModels ReadModels => Factory.Services.GetRequiredService<MartenReadModels>();

    private Marten.Events.Daemon.Coordination.IProjectionCoordinator Coordinator => Factory.Services.GetRequiredService<Marten.Events.Daemon.Coordination.IProjectionCoordinator>();

    /// <summary>
    /// Empties every table with Marten's daemon stopped, sets the read models up again and starts the daemon, so every
    /// read model starts from the empty log; then registers the fixture's administrator again under the same id.
    /// </summary>
    public new async Task ResetAsync()
    {
        // agents keep their positions in memory; stopped, they read the emptied progression again when they start.
        // Marten's sequence is not wound back, so no new event reuses a position the high-water mark has passed.
        await Coordinator.PauseAsync();
        try
        {
            var sequence = await ScalarAsync("select last_value from sc_events.mt_events_sequence");
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    // the read models' rows at their code versions in the truncation's own transaction: a daemon shard that
                    // records progress over an empty range in between would otherwise make EnsureAsync take the emptied
                    // tables for ones of unknown code (version 0), and pause that read model
                    await TruncateAllAsync(string.Concat(ReadModels.Projections.Select(p =>
                        $"insert into sc_events.sc_read_models (name, version) values ('{p.Name}', {p.Version});")));
                    break;
                }
                catch (Npgsql.PostgresException e) when (e.SqlState is "40P01" or "55P03" && attempt < 10) { await Task.Delay(20 * attempt); }
            }
            if (sequence > 1) await ExecuteAsync($"select setval('sc_events.mt_events_sequence', {sequence})");
            await ReadModels.EnsureAsync();
        }
        finally
        {
            await Coordinator.ResumeAsync();
        }
        await TestUsers.RegisterAsync(Factory, Role.Administrator, userId: Admin.Id, username: Admin.Username, password: Admin.Password);
    }

    /// <summary>
    /// Stops one read model in Marten's daemon and records a failure for it, as a poison event does (the daemon's
    /// coordinator restarts shards an error paused, not stopped ones), until it is resumed or the data reset.
    /// </summary>
    public async Task PauseReadModelAsync(string name)
    {
        await Coordinator.DaemonForMainDatabase().StopAgentAsync($"{name}:All");
        await ExecuteAsync($"""
            insert into sc_events.sc_read_model_failures (name, position, event_type, stream_id, error)
            select '{name}', coalesce((select last_seq_id from sc_events.mt_event_progression where name = '{name}:All'), 0) + 1,
                   'test.paused', 'test', 'Paused by the test'
            """);
    }

    public Api CreateApi()
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", _adminToken);
        return new Api(client);
    }

    public Api CreateAnonymousApi() => new(Factory.CreateClient());

    /// <summary>
    /// Waits until every read model has applied every event committed so far (read models lag by design). The bound is
    /// generous because Marten skips a sequence gap (a rolled-back append) only once no write transaction older than the
    /// gap is in progress anywhere on the server (its liveness probe reads the cluster-wide snapshot), and the other
    /// test classes and assemblies hold such transactions on the same server.
    /// </summary>
    public async Task ProjectionsCaughtUpAsync()
    {
        var names = ReadModels.Projections.Select(p => p.Name).ToList();
        var caughtUp = await ReadModels.Positions.CatchUpAsync(names, TimeSpan.FromSeconds(120), default);
        if (!caughtUp.Reached)
        {
            // what paused it, so a failure says why without the database, which is dropped with the fixture
            await using var why = DataSource.CreateCommand(
                "select string_agg(position || ' ' || event_type || ': ' || error, '; ') from sc_events.sc_read_model_failures where name = $1");
            why.Parameters.Add(new() { Value = caughtUp.Projection! });
            throw new TimeoutException($"The {caughtUp.Projection} read model did not catch up ({caughtUp.Failure}) to {caughtUp.Target.Position}: " +
                                       $"{await why.ExecuteScalarAsync() as string ?? "no failure recorded"}.");
        }
    }

    /// <summary>Events outside the user and username streams (the fixture's own administrator is not under test).</summary>
    public Task<long> EventCountAsync() =>
        ScalarAsync("select count(*) from sc_events.mt_events where stream_id not like 'user-%' and stream_id not like 'username-%' and stream_id <> 'mt_tombstone'");

    public override async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await base.DisposeAsync();
    }
}
