using System.Net;
using System.Text.Json;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using SecondChance.Domain.Compliance;
using SecondChance.Host.Notifications;
using SecondChance.Host.Tests.Support;
using Wolverine;
using Xunit;

namespace SecondChance.Host.Tests.Audit;

/// <summary>
/// A finding noticed by the sweep sends a durable message through Wolverine's outbox; the message records the
/// notification. The clock is the fixture's (2025-06-01 12:00 UTC).
/// </summary>
public sealed class OversightNotificationTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private readonly Api _api = fixture.CreateApi();
    private Scenario Given => new(_api);

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(Guid Facility, Guid Inmate)> HousedAndScreenedInmateAsync()
    {
        var facility = await Given.FacilityAsync();
        var body = JsonSerializer.SerializeToNode(Scenario.Admission(facility.Id), Api.Json)!;
        body["admittedAt"] = "2025-01-10T10:00:00+05:00";
        var inmate = (await Given.Created("/inmates", body)).Id;
        await Given.Ok($"/inmates/{inmate}/housing", new { wardId = facility.MaleWard });
        await Given.Ok($"/inmates/{inmate}/medical-screenings", new { screenedAt = "2025-01-10T12:00:00+05:00", screenedBy = "Dr. Hina", summary = "Fit" });
        return (facility.Id, inmate);
    }

    private async Task SweepAsync()
    {
        await fixture.ProjectionsCaughtUpAsync();
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(new SweepComplianceFindings());
    }

    /// <summary>The facility's notifications once the durable queue has delivered every message the sweeps sent.</summary>
    private async Task<List<JsonElement>> NotificationsAsync(Guid facility)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        // Wolverine keeps a handled envelope a while (against redelivery); only those not yet handled are waited for
        while (await fixture.ScalarAsync("select count(*) from sc_messages.wolverine_incoming_envelopes where status <> 'Handled'") > 0)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("The notification messages were not handled: " + await fixture.TextAsync(
                    "select string_agg(concat_ws(' ', status, owner_id, message_type, attempts, received_at), '; ') from sc_messages.wolverine_incoming_envelopes"));
            await Task.Delay(50);
        }
        var r = await _api.GetAsync($"/oversight/facilities/{facility}/notifications");
        r.Status.Should().Be(HttpStatusCode.OK, r.ToString());
        return r.Body.EnumerateArray().ToList();
    }

    [Fact]
    public async Task An_open_prolonged_segregation_is_notified_once_to_the_superintendent_and_inspecting_judge_within_a_day()
    {
        var (facility, inmate) = await HousedAndScreenedInmateAsync();
        await Given.Ok($"/inmates/{inmate}/segregation", new { reason = "Violence", authorisedBy = "Superintendent", at = "2025-05-01T09:00:00+05:00" });

        await SweepAsync();
        await SweepAsync();
        var notifications = await NotificationsAsync(facility);

        var notice = notifications.Should().ContainSingle(n => n.GetProperty("ruleCode").GetString() == "prolonged_segregation").Which;
        notice.GetProperty("inmateId").GetGuid().Should().Be(inmate);
        notice.GetProperty("recipient").GetString().Should().Be(OversightDuty.SuperintendentAndInspectingJudge);
        var opened = notice.GetProperty("openedAt").GetDateTimeOffset();
        notice.GetProperty("dueBy").GetDateTimeOffset().Should().Be(opened.AddHours(24));
        opened.Should().Be(DateTimeOffset.Parse("2025-05-01T09:00:00+05:00"), "the breach is the segregation that began then");
        (await fixture.ScalarAsync("select count(*) from sc.noticed_findings")).Should().Be(notifications.Count, "each finding noticed once");
    }

    [Fact]
    public async Task A_finding_that_closed_before_the_look_back_is_not_notified_and_one_within_it_is()
    {
        var (facility, inmate) = await HousedAndScreenedInmateAsync();
        await Given.Ok($"/inmates/{inmate}/segregation", new { reason = "Violence", authorisedBy = "Superintendent", at = "2025-01-20T09:00:00+05:00" });
        await Given.Ok($"/inmates/{inmate}/segregation/end", new { reason = "Review", authorisedBy = "Superintendent", at = "2025-02-20T09:00:00+05:00" });
        await Given.Ok($"/inmates/{inmate}/segregation", new { reason = "Violence", authorisedBy = "Superintendent", at = "2025-04-20T09:00:00+05:00" });
        await Given.Ok($"/inmates/{inmate}/segregation/end", new { reason = "Review", authorisedBy = "Superintendent", at = "2025-05-20T09:00:00+05:00" });

        await SweepAsync();
        var notifications = await NotificationsAsync(facility);

        notifications.Where(n => n.GetProperty("ruleCode").GetString() == "prolonged_segregation")
            .Select(n => n.GetProperty("openedAt").GetDateTimeOffset()).Should().Equal(DateTimeOffset.Parse("2025-04-20T09:00:00+05:00"));
    }

    [Fact]
    public async Task Notifications_of_an_unknown_facility_are_404_and_a_limit_out_of_range_is_400()
    {
        (await _api.GetAsync($"/oversight/facilities/{Guid.NewGuid()}/notifications")).Status.Should().Be(HttpStatusCode.NotFound);
        var facility = await Given.FacilityAsync();
        var r = await _api.GetAsync($"/oversight/facilities/{facility.Id}/notifications?limit=0");
        r.Status.Should().Be(HttpStatusCode.BadRequest);
    }
}
