using System.Net;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using SecondChance.Host.Demo;
using SecondChance.Host.Tests.Support;
using Xunit;

namespace SecondChance.Host.Tests.Ventures;

public sealed class VentureDemoTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private readonly Api _api = fixture.CreateApi();

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_demo_funds_the_Peshawar_IT_pilot_with_two_ventures_their_grants_milestones_and_a_repayment()
    {
        var result = await fixture.Factory.Services.GetRequiredService<DemoSeeder>().SeedAsync(inmates: 2);
        result.Refused.Should().Be(0);

        var fund = await _api.GetAsync($"/facilities/{DemoWorld.Peshawar.Id}/venture-fund");
        fund.Status.Should().Be(HttpStatusCode.OK, fund.ToString());
        fund.Body.GetProperty("creditedMinor").GetInt64().Should().Be(35_000_000);
        fund.Body.GetProperty("grantedMinor").GetInt64().Should().Be(25_000_000);
        fund.Body.GetProperty("returnedMinor").GetInt64().Should().Be(5_000_000);
        fund.Body.GetProperty("balanceMinor").GetInt64().Should().Be(15_000_000);

        var web = await _api.GetAsync($"/facilities/{DemoWorld.Peshawar.Id}/ventures/{DemoWorld.Id("venture:peshawar:web-studio")}");
        web.Body.GetProperty("kind").GetString().Should().Be("IT");
        web.Body.GetProperty("milestones").EnumerateObject().Should().HaveCount(3);

        await fixture.ProjectionsCaughtUpAsync();
        var dashboard = await _api.GetAsync($"/read-models/dashboard?facilityId={DemoWorld.Peshawar.Id}");
        dashboard.Status.Should().Be(HttpStatusCode.OK, dashboard.ToString());
        var ventures = dashboard.Body.GetProperty("ventures").EnumerateArray().ToList();
        ventures.Sum(v => v.GetProperty("ventures").GetInt64()).Should().Be(2);
        ventures.Sum(v => v.GetProperty("grantedMinor").GetInt64()).Should().Be(25_000_000);
        ventures.Sum(v => v.GetProperty("firstSale").GetInt64()).Should().Be(2);
    }
}
