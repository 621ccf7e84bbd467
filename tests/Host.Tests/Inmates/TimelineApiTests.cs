using System.Net;
using System.Text.Json;
using FluentAssertions;
using SecondChance.Domain.Access;
using SecondChance.Host.Security;
using SecondChance.Host.Tests.Support;
using Xunit;

namespace SecondChance.Host.Tests.Inmates;

/// <summary>The journey timeline names people and things, and states amounts in rupees.</summary>
public sealed class TimelineApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private readonly Api _api = fixture.CreateApi();
    private Scenario Given => new(_api);

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<List<JsonElement>> TimelineAsync(Api api, Guid inmate)
    {
        var r = await api.GetAsync($"/read-models/inmates/{inmate}/timeline");
        r.Status.Should().Be(HttpStatusCode.OK, r.ToString());
        return r.Body.EnumerateArray().ToList();
    }

    private static JsonElement Entry(List<JsonElement> timeline, string eventType) =>
        timeline.Single(e => e.GetProperty("eventType").GetString() == eventType);

    [Fact]
    public async Task Timeline_names_the_programme_ward_mentor_and_recorder_and_states_amounts_in_rupees()
    {
        var (facility, programme, inmate) = await Given.EnrolledInmateAsync();
        var mentor = await Given.MentorAsync();
        (await _api.PutAsync($"/inmates/{inmate}/mentor", new { mentorId = mentor, assignedAt = Scenario.Past })).Status.Should().Be(HttpStatusCode.OK);
        await Given.Ok($"/inmates/{inmate}/housing", new { wardId = facility.MaleWard });
        await Given.Ok($"/inmates/{inmate}/wage-account/credits",
            new { kind = "Wage", amountMinor = 162_500, currency = "PKR", description = "Tailoring wages", creditedAt = Scenario.Past });
        await fixture.ProjectionsCaughtUpAsync();

        var timeline = await TimelineAsync(_api, inmate);

        string Summary(string type) => Entry(timeline, type).GetProperty("summary").GetString()!;
        Summary("inmate_enrolled.v1").Should().Be("Enrolled in Embroidery for beginners (Karachi Central Jail)");
        Summary("mentor_assigned.v1").Should().Be("Mentor Bilal Ahmed (Rozan) assigned");
        Summary("inmate_housed.v1").Should().Be("Housed in Block A, Karachi Central Jail");
        Summary("wage_credited.v1").Should().Be("Wage credited PKR 1,625.00: Tailoring wages");
        var all = string.Join('\n', timeline.Select(e => e.GetProperty("summary").GetString()));
        all.Should().NotContain(programme.ToString("N")).And.NotContain(mentor.ToString("N")).And.NotContain(facility.MaleWard.ToString("N"));
        timeline.Should().OnlyContain(e => e.GetProperty("recordedBy").GetString() == "Test Administrator");
        var parts = Entry(timeline, "wage_credited.v1").GetProperty("summaryParts");
        parts.GetProperty("amountMinor").GetInt64().Should().Be(162_500);
        parts.GetProperty("kind").GetString().Should().Be("Wage");
        Entry(timeline, "mentor_assigned.v1").GetProperty("summaryParts").GetProperty("mentor").GetString().Should().Be("Bilal Ahmed (Rozan)");
    }

    [Fact]
    public async Task Oversight_without_the_personal_data_grant_sees_neither_the_recorders_name_nor_the_summary_parts()
    {
        var (_, _, inmate) = await Given.EnrolledInmateAsync();
        await fixture.ProjectionsCaughtUpAsync();
        var oversight = new Api((await TestUsers.SignedInAsync(fixture.Factory, Role.Oversight, [], [])).Client);
        var granted = new Api((await TestUsers.SignedInAsync(fixture.Factory, Role.Oversight, [], [], personalData: true)).Client);

        var redacted = Entry(await TimelineAsync(oversight, inmate), "inmate_enrolled.v1");
        var full = Entry(await TimelineAsync(granted, inmate), "inmate_enrolled.v1");

        redacted.GetProperty("recordedBy").GetString().Should().Be(PersonalDataRedaction.Redacted);
        redacted.GetProperty("summaryParts").GetString().Should().Be(PersonalDataRedaction.Redacted);
        full.GetProperty("recordedBy").GetString().Should().Be("Test Administrator");
        full.GetProperty("summaryParts").GetProperty("programme").GetString().Should().Be("Embroidery for beginners (Karachi Central Jail)");
    }
}
