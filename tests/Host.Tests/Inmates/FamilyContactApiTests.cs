using System.Net;
using System.Text.Json;
using FluentAssertions;
using SecondChance.Host.Tests.Support;
using Xunit;

namespace SecondChance.Host.Tests.Inmates;

public sealed class FamilyContactApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private readonly Api _api = fixture.CreateApi();
    private Scenario Given => new(_api);

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A woman admitted on 10 January 2025 whose entry screening recorded two children outside.</summary>
    private async Task<(Scenario.Facility Facility, Guid Mother)> MotherAsync()
    {
        var facility = await Given.FacilityAsync();
        var mother = await Given.AdmitAsync(facility.Id, sex: "Female");
        await Given.Ok($"/inmates/{mother}/medical-screenings", new
        {
            screenedAt = "2025-01-10T12:00:00+05:00", screenedBy = "Dr Ayesha", summary = "fit",
            femaleEntryScreening = new { pregnant = false, breastfeeding = false, childrenAccompanying = 0, childrenOutside = 2 },
        });
        return (facility, mother);
    }

    private async Task<List<JsonElement>> FindingsAsync(Guid facility)
    {
        await fixture.ProjectionsCaughtUpAsync();
        var r = await _api.GetAsync($"/oversight/facilities/{facility}/report?from=2025-01-01&to=2025-05-31");
        r.Status.Should().Be(HttpStatusCode.OK, r.ToString());
        return r.Body.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("ruleCode").GetString() == "mother_without_child_contact").ToList();
    }

    [Fact]
    public async Task A_mother_whose_children_visit_monthly_has_no_finding_and_the_visits_show_on_her_timeline()
    {
        var (facility, mother) = await MotherAsync();
        foreach (var day in new[] { "2025-02-05", "2025-03-05", "2025-04-02", "2025-05-01", "2025-05-30" })
            await Given.Ok($"/inmates/{mother}/family-contacts",
                new { contactName = "Sana", relation = "Child", mode = "InPerson", contactAt = $"{day}T11:00:00+05:00" });

        (await FindingsAsync(facility.Id)).Should().BeEmpty();
        var timeline = await _api.GetAsync($"/read-models/inmates/{mother}/timeline");
        timeline.Body.ToString().Should().Contain("Family visit from Sana (child)");
    }

    [Fact]
    public async Task A_mother_whose_childs_visit_was_refused_and_who_had_no_other_contact_is_an_open_finding_naming_the_refusal()
    {
        var (facility, mother) = await MotherAsync();
        await Given.Ok($"/inmates/{mother}/family-contacts",
            new { contactName = "Husband", relation = "Spouse", mode = "Phone", contactAt = "2025-02-01T11:00:00+05:00" });
        await Given.Ok($"/inmates/{mother}/family-visit-refusals", new
        {
            visitorName = "Sana", relation = "Child", reason = "Visiting day cancelled", refusedBy = "Gate warder", refusedAt = "2025-02-05T10:00:00+05:00",
        });

        var finding = (await FindingsAsync(facility.Id)).Single();
        finding.GetProperty("isOpen").GetBoolean().Should().BeTrue();
        finding.GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("what").GetString()).Should().Contain("visit by child refused");
    }

    [Fact]
    public async Task A_contact_without_a_relation_or_a_refusal_without_a_reason_is_refused_and_writes_nothing()
    {
        var (_, mother) = await MotherAsync();
        var before = await fixture.EventCountAsync();

        (await _api.PostAsync($"/inmates/{mother}/family-contacts", new { contactName = "Sana", mode = "Video" })).ErrorFields.Should().Equal("relation");
        (await _api.PostAsync($"/inmates/{mother}/family-visit-refusals", new { visitorName = "Sana", relation = "Child", refusedBy = "Warder" }))
            .ErrorFields.Should().Equal("reason");
        var early = await _api.PostAsync($"/inmates/{mother}/family-contacts",
            new { contactName = "Sana", relation = "Child", mode = "Video", contactAt = "2025-01-01T10:00:00+05:00" });
        early.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        early.Code.Should().Be("before_admission");
        (await fixture.EventCountAsync()).Should().Be(before);
    }
}
