using System.Net;
using System.Text.Json;
using FluentAssertions;
using SecondChance.Host.Tests.Support;
using Xunit;

namespace SecondChance.Host.Tests.Inmates;

public sealed class RehabilitationPlanApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private readonly Api _api = fixture.CreateApi();
    private Scenario Given => new(_api);

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(Guid Facility, Guid Inmate)> ConvictedAsync(string legalStatus = "Convicted")
    {
        var facility = await Given.FacilityAsync();
        var body = JsonSerializer.SerializeToNode(Scenario.Admission(facility.Id), Api.Json)!;
        body["legalStatus"] = legalStatus;
        return (facility.Id, (await Given.Created("/inmates", body)).Id);
    }

    private static object Plan(Guid goal, string drawnUpAt) => new
    {
        goals = new object[]
        {
            new { goalId = goal, kind = "Skill", description = "Level 2 in tailoring", targetDate = "2025-12-31", responsible = "Instructor Rubina" },
            new { kind = "WorkAfterRelease", description = "A job at a garment unit arranged", targetDate = "2026-06-30", responsible = "Welfare officer" },
        },
        drawnUpBy = "Welfare officer", drawnUpAt,
    };

    private async Task<List<JsonElement>> PlanFindingsAsync(Guid facility)
    {
        await fixture.ProjectionsCaughtUpAsync();
        var r = await _api.GetAsync($"/oversight/facilities/{facility}/report?from=2025-01-01&to=2026-12-31");
        r.Status.Should().Be(HttpStatusCode.OK, r.ToString());
        return r.Body.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("ruleCode").GetString() == "plan_missing").ToList();
    }

    [Fact]
    public async Task A_plan_drawn_up_and_reviewed_shows_on_the_inmate_and_a_late_one_closes_the_plan_missing_finding()
    {
        var (facility, inmate) = await ConvictedAsync();
        (await PlanFindingsAsync(facility)).Should().ContainSingle().Which.GetProperty("isOpen").GetBoolean().Should().BeTrue();

        var goal = Guid.NewGuid();
        var drawn = await _api.PutAsync($"/inmates/{inmate}/rehabilitation-plan", Plan(goal, "2025-03-01T10:00:00+05:00"));
        drawn.Status.Should().Be(HttpStatusCode.OK, drawn.ToString());
        (await _api.PostAsync($"/inmates/{inmate}/rehabilitation-plan/reviews",
            new { goalId = goal, outcome = "OnTrack", note = "Attends daily", reviewedBy = "Welfare officer", reviewedAt = "2025-04-01T10:00:00+05:00" }))
            .Status.Should().Be(HttpStatusCode.OK);

        var state = await _api.GetAsync($"/inmates/{inmate}");
        state.Body.GetProperty("state").GetProperty("planGoals").GetArrayLength().Should().Be(2);
        var finding = (await PlanFindingsAsync(facility)).Should().ContainSingle().Subject;
        finding.GetProperty("isOpen").GetBoolean().Should().BeFalse("the plan came 50 days after the conviction at admission");
        finding.GetProperty("evidence").GetArrayLength().Should().Be(2);
    }

    [Fact]
    public async Task A_plan_for_an_inmate_on_remand_or_without_goals_is_refused_and_writes_nothing()
    {
        var (_, remand) = await ConvictedAsync("Remand");
        var before = await fixture.EventCountAsync();
        var refused = await _api.PutAsync($"/inmates/{remand}/rehabilitation-plan", Plan(Guid.NewGuid(), "2025-03-01T10:00:00+05:00"));
        refused.Status.Should().Be(HttpStatusCode.UnprocessableEntity, refused.ToString());
        refused.Code.Should().Be("plan_for_sentenced_only");
        var empty = await _api.PutAsync($"/inmates/{remand}/rehabilitation-plan", new { goals = Array.Empty<object>(), drawnUpBy = "Welfare officer" });
        empty.Status.Should().Be(HttpStatusCode.BadRequest);
        empty.ErrorFields.Should().Contain("goals");
        var review = await _api.PostAsync($"/inmates/{remand}/rehabilitation-plan/reviews",
            new { goalId = Guid.NewGuid(), outcome = "Achieved", note = "Done", reviewedBy = "Welfare officer" });
        review.Code.Should().Be("goal_not_found");
        (await fixture.EventCountAsync()).Should().Be(before);
    }

    [Fact]
    public async Task A_release_due_shows_its_readiness_per_goal_of_the_plan_and_per_journey_item_on_the_dashboard()
    {
        var (facility, inmate) = await ConvictedAsync();
        var goal = Guid.NewGuid();
        (await _api.PutAsync($"/inmates/{inmate}/rehabilitation-plan", Plan(goal, "2025-03-01T10:00:00+05:00"))).Status.Should().Be(HttpStatusCode.OK);
        (await _api.PostAsync($"/inmates/{inmate}/rehabilitation-plan/reviews",
            new { goalId = goal, outcome = "Achieved", note = "Passed level 2", reviewedBy = "Instructor Rubina", reviewedAt = "2025-05-20T10:00:00+05:00" }))
            .Status.Should().Be(HttpStatusCode.OK);
        (await _api.PutAsync($"/inmates/{inmate}/release-plan", new { expectedReleaseDate = "2025-07-15", followUpPlannedOn = "2025-08-15" }))
            .Status.Should().Be(HttpStatusCode.OK);
        await fixture.ProjectionsCaughtUpAsync();

        var due = (await _api.GetAsync($"/read-models/dashboard?facilityId={facility}")).Body.GetProperty("releasesDue").EnumerateArray()
            .Single(r => r.GetProperty("inmateId").GetGuid() == inmate);

        var checks = due.GetProperty("readiness").EnumerateArray()
            .Select(c => (c.GetProperty("item").GetString(), c.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null,
                c.GetProperty("status").GetString()))
            .ToList();
        checks.Should().BeEquivalentTo(new[]
        {
            ("certified_skill", (string?)null, "missing"), ("savings", null, "missing"), ("mentor", null, "missing"), ("follow_up", null, "met"),
            ("housing", "HousingAfterRelease", "missing"), ("goal", "Skill", "met"), ("work", "WorkAfterRelease", "on_track"),
        });
    }
}
