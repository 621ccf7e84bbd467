using System.Net;
using FluentAssertions;
using SecondChance.Host.Tests.Support;
using Xunit;

namespace SecondChance.Host.Tests.Inmates;

/// <summary>
/// A release plan schedules its readiness reminders (90 and 30 days before) in the plan's own transaction. The
/// fixture's clock says 2025-06-01 while Wolverine schedules by the real clock, so reminders for 2025 dates are due at
/// once and reminders for dates years ahead stay scheduled.
/// </summary>
public sealed class ReleaseReminderTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private readonly Api _api = fixture.CreateApi();
    private Scenario Given => new(_api);

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<List<System.Text.Json.JsonElement>> RemindersAsync(Guid facility, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var r = await _api.GetAsync($"/read-models/release-reminders?facilityId={facility}");
            r.Status.Should().Be(HttpStatusCode.OK, r.ToString());
            var list = r.Body.EnumerateArray().ToList();
            if (list.Count >= expected || DateTime.UtcNow > deadline) return list;
            await Task.Delay(50);
        }
    }

    private async Task Plan(Guid inmate, object body)
    {
        var r = await _api.PutAsync($"/inmates/{inmate}/release-plan", body);
        r.Status.Should().Be(HttpStatusCode.OK, r.ToString());
    }

    private Task<long> ScheduledAsync() =>
        fixture.ScalarAsync("select count(*) from sc_messages.wolverine_incoming_envelopes where status = 'Scheduled' and message_type like '%RemindOfReleaseReadiness'");

    [Fact]
    public async Task A_release_44_days_ahead_with_nothing_in_place_is_reminded_at_90_and_30_days_naming_everything_missing()
    {
        var facility = await Given.FacilityAsync();
        var inmate = await Given.AdmitAsync(facility.Id);

        await Plan(inmate, new { expectedReleaseDate = "2025-07-15" });
        var reminders = await RemindersAsync(facility.Id, 2);

        reminders.Select(r => r.GetProperty("daysBefore").GetInt32()).Should().BeEquivalentTo([90, 30]);
        reminders.Should().OnlyContain(r => r.GetProperty("inmateId").GetGuid() == inmate
            && r.GetProperty("expectedReleaseDate").GetString() == "2025-07-15"
            && r.GetProperty("missing").EnumerateArray().Select(m => m.GetString()).SequenceEqual(new[] { "mentor", "savings_payout_plan", "follow_up_contact" }));
    }

    [Fact]
    public async Task A_changed_plan_drops_the_old_dates_reminders_and_is_reminded_of_what_it_still_lacks()
    {
        var facility = await Given.FacilityAsync();
        var inmate = await Given.AdmitAsync(facility.Id);
        await Plan(inmate, new { expectedReleaseDate = "2025-07-15" });
        await RemindersAsync(facility.Id, 2);

        await Plan(inmate, new
        {
            expectedReleaseDate = "2025-06-20", savingsPayout = "BankTransfer", followUpPlannedOn = "2025-07-01",
        });
        var reminders = await RemindersAsync(facility.Id, 1);

        var reminder = reminders.Should().ContainSingle().Which;
        reminder.GetProperty("expectedReleaseDate").GetString().Should().Be("2025-06-20");
        reminder.GetProperty("daysBefore").GetInt32().Should().Be(30, "19 days ahead: one reminder, at once");
        reminder.GetProperty("missing").EnumerateArray().Select(m => m.GetString()).Should().Equal("mentor");
        (await fixture.ScalarAsync($"select count(*) from sc.release_reminders where inmate_id = '{inmate}'")).Should().Be(3, "each reminder recorded once");
    }

    [Fact]
    public async Task A_release_years_ahead_stays_scheduled_and_a_follow_up_before_release_is_refused()
    {
        var facility = await Given.FacilityAsync();
        var inmate = await Given.AdmitAsync(facility.Id);

        await Plan(inmate, new { expectedReleaseDate = "2099-01-01" });
        var refused = await _api.PutAsync($"/inmates/{inmate}/release-plan", new { expectedReleaseDate = "2099-01-01", followUpPlannedOn = "2098-12-31" });

        (await ScheduledAsync()).Should().Be(2, "both reminders wait for their day");
        (await RemindersAsync(facility.Id, 0)).Should().BeEmpty();
        refused.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        refused.Code.Should().Be("follow_up_before_release");
        (await ScheduledAsync()).Should().Be(2, "a refused plan schedules nothing");
    }
}
