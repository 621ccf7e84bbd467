using System.Net;
using System.Text.RegularExpressions;
using FluentAssertions;
using JasperFx.Events.Daemon;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SecondChance.Host.Tests.Support;
using Xunit;

namespace SecondChance.Host.Tests.Platform;

/// <summary>Readiness on ASP.NET Core health checks: the database, the start-up steps, Marten's daemon and the read models' lag.</summary>
public sealed class HealthTests(HealthTests.TightLagFixture fixture) : IClassFixture<HealthTests.TightLagFixture>, IAsyncLifetime
{
    public const int MaxLag = 3;

    private readonly Api _api = fixture.CreateApi();

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Live_answers_200_while_the_process_serves()
    {
        (await _api.GetAsync("/health/live")).Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Ready_answers_200_with_every_check_healthy_once_the_read_models_have_caught_up()
    {
        await AddMentorsAsync(MaxLag + 2);
        await fixture.ProjectionsCaughtUpAsync();

        var r = await _api.GetAsync("/health/ready");

        r.Status.Should().Be(HttpStatusCode.OK, r.ToString());
        r.Body.GetProperty("status").GetString().Should().Be("healthy");
        var checks = r.Body.GetProperty("checks");
        checks.EnumerateObject().Select(c => c.Name).Should().BeEquivalentTo("database", "startup", "daemon", "projections", "provinces");
        checks.EnumerateObject().Should().OnlyContain(c => c.Value.GetProperty("status").GetString() == "healthy"
                                                           && c.Value.GetProperty("description").GetString()!.Length > 0);
    }

    [Fact]
    public async Task Ready_answers_503_naming_a_read_model_a_poison_event_paused()
    {
        await fixture.PauseReadModelAsync("wages");

        var r = await _api.GetAsync("/health/ready");

        r.Status.Should().Be(HttpStatusCode.ServiceUnavailable, r.ToString());
        r.Header("Retry-After").Should().NotBeNull();
        r.Message.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        r.Code.Should().Be("not_ready");
        var projections = r.Body.GetProperty("checks").GetProperty("projections");
        projections.GetProperty("status").GetString().Should().Be("unhealthy");
        projections.GetProperty("description").GetString().Should().Contain("paused: wages");
        r.Body.GetProperty("detail").GetString().Should().Contain("wages");
    }

    [Fact]
    public async Task Ready_answers_503_naming_a_read_model_further_behind_than_the_configured_bound()
    {
        await AddMentorsAsync(1);
        await fixture.ProjectionsCaughtUpAsync();
        // the wages read model's next batch waits on its progression row; the others go on
        await using var db = new NpgsqlConnection(fixture.ConnectionString);
        await db.OpenAsync();
        await using var hold = await db.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand("select 1 from sc_events.mt_event_progression where name = 'wages:All' for update", db, hold))
            (await lockRow.ExecuteScalarAsync()).Should().Be(1);
        await AddMentorsAsync(MaxLag + 2);

        var only = $@"^Read models more than {MaxLag} events behind: wages \(\d+ events behind\)\.$";
        var deadline = DateTime.UtcNow.AddSeconds(60);
        ApiResponse r;
        while (!Regex.IsMatch(Description(r = await _api.GetAsync("/health/ready")), only))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Readiness did not name the held read model alone: {r}");
            await Task.Delay(50);
        }

        r.Status.Should().Be(HttpStatusCode.ServiceUnavailable, r.ToString());
        r.Code.Should().Be("not_ready");
        await hold.RollbackAsync();
    }

    private static string Description(ApiResponse r) =>
        r.Body.GetProperty("checks").GetProperty("projections").GetProperty("description").GetString()!;

    [Fact]
    public async Task Ready_reports_the_daemon_degraded_while_it_does_not_run_on_this_node()
    {
        await fixture.ProjectionsCaughtUpAsync();
        var coordinator = fixture.Factory.Services.GetRequiredService<Marten.Events.Daemon.Coordination.IProjectionCoordinator>();
        await coordinator.PauseAsync();
        try
        {
            var r = await _api.GetAsync("/health/ready");

            r.Status.Should().Be(HttpStatusCode.OK, r.ToString());
            r.Body.GetProperty("status").GetString().Should().Be("degraded");
            r.Body.GetProperty("checks").GetProperty("daemon").GetProperty("status").GetString().Should().Be("degraded");
        }
        finally
        {
            await coordinator.ResumeAsync();
        }
    }

    private async Task AddMentorsAsync(int count)
    {
        for (var i = 0; i < count; i++)
            (await _api.PostAsync("/mentors", new { fullName = $"Mentor {i}", cnic = $"35202-765432{i}-3" })).Message.IsSuccessStatusCode.Should().BeTrue();
    }

    public sealed class TightLagFixture : ApiFixture
    {
        protected override void ConfigureHost(IWebHostBuilder builder) =>
            builder.UseSetting("Health:MaxProjectionLagEvents", MaxLag.ToString());
    }
}
