using System.Net;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using SecondChance.Host.Demo;
using SecondChance.Host.Tests.Support;
using Xunit;

namespace SecondChance.Host.Tests.Inmates;

public sealed class RightsDemoTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private readonly Api _api = fixture.CreateApi();

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_demo_shows_a_finding_of_each_restraint_incident_family_contact_complaint_and_overcrowding_rule_without_a_refused_command()
    {
        var result = await fixture.Factory.Services.GetRequiredService<DemoSeeder>().SeedAsync(inmates: 2);
        result.Refused.Should().Be(0);

        await fixture.ProjectionsCaughtUpAsync();
        var today = FixedTime.Now.UtcDateTime.Date;
        var report = await _api.GetAsync($"/oversight/facilities/{DemoWorld.Karachi.Id}/report?from={today.AddDays(-400):yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        report.Status.Should().Be(HttpStatusCode.OK, report.ToString());
        report.Body.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleCode").GetString()).Distinct().Should().Contain(
            "prohibited_instrument", "restraint_as_punishment", "prolonged_restraint", "restraint_of_woman_in_labour",
            "custody_death_not_reported", "family_not_notified", "investigation_open", "mother_without_child_contact",
            "complaint_unanswered", "possible_reprisal", "ward_over_capacity", "plan_missing");
        // the confidential complaint's finding is the oversight body's alone
        var oversight = new Api(await TestUsers.ClientForAsync(fixture.Factory, SecondChance.Domain.Access.Role.Oversight));
        var seen = await oversight.GetAsync($"/oversight/facilities/{DemoWorld.Karachi.Id}/report?from={today.AddDays(-400):yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        seen.Body.GetProperty("findings").EnumerateArray().Count(f => f.GetProperty("confidential").GetBoolean()).Should().BeGreaterThan(0);
        report.Body.GetProperty("findings").EnumerateArray().Should().NotContain(f => f.GetProperty("confidential").GetBoolean());
    }
}
