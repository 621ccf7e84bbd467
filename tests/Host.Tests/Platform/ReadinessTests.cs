using System.Net;
using FluentAssertions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SecondChance.Integrity.Events;
using SecondChance.Host.Demo;
using SecondChance.Host.Tests.Support;
using SecondChance.Testing;
using Xunit;

namespace SecondChance.Host.Tests.Platform;

public sealed class ReadinessTests(EventStoreDatabase database) : IClassFixture<EventStoreDatabase>
{
    [Fact]
    public async Task The_host_is_live_but_not_ready_while_demo_seeding_runs_and_ready_once_it_has_finished()
    {
        var seeding = new HeldAppends();
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:SecondChance", database.ConnectionString);
            b.UseSetting(DemoHosting.SeedOnStartSetting, "true");
            b.UseSetting(DemoHosting.InmatesSetting, "2");
            b.UseSetting(DemoAdministrator.PasswordSetting, $"pw-{Guid.NewGuid():N}");
            // every append of the seeding waits here until the test lets it go
            b.ConfigureServices(s => s.AddSingleton<IInlineProjection>(seeding));
        });
        var api = new Api(factory.CreateClient());
        await seeding.Entered.WaitAsync(TimeSpan.FromSeconds(60));

        (await api.GetAsync("/health/live")).Status.Should().Be(HttpStatusCode.OK);
        foreach (var path in new[] { "/health/ready", "/health" })
        {
            var starting = await api.GetAsync(path);
            starting.Status.Should().Be(HttpStatusCode.ServiceUnavailable, path);
            starting.Code.Should().Be("not_ready");
            starting.Body.GetProperty("pending").EnumerateArray().Select(p => p.GetString()).Should().Equal("demo_seeding");
            starting.Header("Retry-After").Should().NotBeNull();
        }

        seeding.Release();
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while ((await api.GetAsync("/health/ready")).Status != HttpStatusCode.OK)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The host did not become ready after seeding was let go.");
            await Task.Delay(50);
        }
        (await api.GetAsync("/health")).Status.Should().Be(HttpStatusCode.OK);
        (await database.ScalarAsync("select count(*) from sc_events.mt_events where stream_id like 'inmate-%'")).Should().BeGreaterThan(0,
            "readiness came after the seeding, not instead of it");
    }

    private sealed class HeldAppends : IInlineProjection
    {
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Entered => _entered.Task;

        public void Release() => _released.TrySetResult();

        // the directories' statements are gathered before the append is sent, so holding here holds the append
        public void Apply(IReadOnlyList<StoredEvent> events, SqlBatch batch)
        {
            _entered.TrySetResult();
            _released.Task.Wait(TimeSpan.FromSeconds(120));
        }
    }
}
