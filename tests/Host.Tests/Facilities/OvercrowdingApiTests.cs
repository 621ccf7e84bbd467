using System.Net;
using FluentAssertions;
using SecondChance.Host.Tests.Support;
using Xunit;

namespace SecondChance.Host.Tests.Facilities;

public sealed class OvercrowdingApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private readonly Api _api = fixture.CreateApi();
    private Scenario Given => new(_api);

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_ward_holding_more_than_its_certified_capacity_for_over_seven_days_is_reported_with_its_peak_and_shown_on_the_occupancy()
    {
        var facility = await Given.FacilityAsync();
        (await _api.PutAsync($"/facilities/{facility.Id}/wards/{facility.MaleWard}/capacity",
            new { capacity = 2, certifiedBy = "Inspector General of Prisons", effectiveFrom = "2025-01-01T00:00:00+05:00" })).Status.Should().Be(HttpStatusCode.OK);
        for (var i = 0; i < 3; i++)
        {
            var inmate = await Given.AdmitAsync(facility.Id);
            await Given.Ok($"/inmates/{inmate}/housing", new { wardId = facility.MaleWard, housedAt = $"2025-02-0{i + 1}T10:00:00+05:00" });
        }
        await fixture.ProjectionsCaughtUpAsync();

        var report = await _api.GetAsync($"/oversight/facilities/{facility.Id}/report?from=2025-01-01&to=2025-12-31");
        var finding = report.Body.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("ruleCode").GetString() == "ward_over_capacity");
        finding.GetProperty("wardId").GetGuid().Should().Be(facility.MaleWard);
        finding.GetProperty("isOpen").GetBoolean().Should().BeTrue();
        finding.GetProperty("detail").GetString().Should().Contain("up to 3").And.Contain("capacity of 2");
        finding.GetProperty("periodStart").GetDateTimeOffset().Should().Be(DateTimeOffset.Parse("2025-02-03T10:00:00+05:00"));

        var occupancy = await _api.GetAsync($"/read-models/facilities/{facility.Id}/occupancy?months=36");
        occupancy.Status.Should().Be(HttpStatusCode.OK, occupancy.ToString());
        var ward = occupancy.Body.GetProperty("wards").EnumerateArray().Single(w => w.GetProperty("wardId").GetGuid() == facility.MaleWard);
        ward.GetProperty("occupancy").GetInt32().Should().Be(3);
        ward.GetProperty("capacity").GetInt32().Should().Be(2);
        ward.GetProperty("rate").GetDecimal().Should().Be(1.5m);
        var february = ward.GetProperty("months").EnumerateArray().Single(m => m.GetProperty("month").GetString() == "2025-02");
        february.GetProperty("peak").GetInt32().Should().Be(3);
        ward.GetProperty("months").EnumerateArray().Single(m => m.GetProperty("month").GetString() == "2025-01").GetProperty("peak").GetInt32().Should().Be(0);
    }

    [Fact]
    public async Task A_capacity_of_zero_or_for_an_unknown_ward_is_refused_and_writes_nothing()
    {
        var facility = await Given.FacilityAsync();
        var before = await fixture.EventCountAsync();
        var zero = await _api.PutAsync($"/facilities/{facility.Id}/wards/{facility.MaleWard}/capacity", new { capacity = 0, certifiedBy = "IG" });
        zero.Status.Should().Be(HttpStatusCode.BadRequest);
        zero.ErrorFields.Should().Contain("capacity");
        var unknown = await _api.PutAsync($"/facilities/{facility.Id}/wards/{Guid.NewGuid()}/capacity", new { capacity = 10, certifiedBy = "IG" });
        unknown.Status.Should().Be(HttpStatusCode.UnprocessableEntity, unknown.ToString());
        unknown.Code.Should().Be("ward_not_found");
        (await fixture.EventCountAsync()).Should().Be(before);
    }
}
