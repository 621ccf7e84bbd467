using System.Net;
using FluentAssertions;
using SecondChance.Domain.Access;
using SecondChance.Host.Tests.Support;
using Xunit;

namespace SecondChance.Host.Tests.Ventures;

public sealed class VentureApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private readonly Api _admin = fixture.CreateApi();
    private Scenario Given => new(_admin);

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private const string Proposed = "2025-04-01T10:00:00+05:00";
    private const string Approved = "2025-04-10T10:00:00+05:00";
    private const string Granted = "2025-04-15T10:00:00+05:00";

    private async Task<(Guid Facility, Guid Founder, Api Staff)> WorldAsync()
    {
        var (facility, programme, inmate) = await Given.EnrolledInmateAsync();
        await Given.Ok($"/programmes/{programme}/enrolments/{inmate}/completion", new { completedAt = Scenario.Past });
        await Given.Ok($"/inmates/{inmate}/certifications", new
        {
            programmeId = programme, skill = "Zardozi", level = "Level 2", assessor = "TEVTA assessor", certificateNumber = "CERT-1", certifiedAt = Scenario.Past,
        });
        var staff = new Api(await TestUsers.ClientForAsync(fixture.Factory, Role.FacilityStaff, facility.Id));
        return (facility.Id, inmate, staff);
    }

    private static object Proposal(Guid founder, string certificate = "CERT-1") => new
    {
        name = "Zari Embroidery Works", businessPlan = "Bridal embroidery to order for Peshawar boutiques",
        founders = new[] { new { inmateId = founder, certificateNumber = certificate } },
        mentorOrganisation = "Khyber Welfare Society", proposedAt = Proposed,
    };

    private async Task<string> ApprovedVentureAsync(Api staff, Guid facility, Guid founder)
    {
        var id = (await Given.Created($"/facilities/{facility}/ventures", Proposal(founder))).Id;
        var path = $"/facilities/{facility}/ventures/{id}";
        (await staff.PostAsync($"{path}/approval", new { by = "Superintendent", at = Approved })).Status.Should().Be(HttpStatusCode.OK);
        return path;
    }

    [Fact]
    public async Task A_venture_is_proposed_approved_funded_reaches_milestones_repays_and_the_fund_shows_money_out_and_back()
    {
        var (facility, founder, staff) = await WorldAsync();
        (await staff.PostAsync($"/facilities/{facility}/venture-fund/credits",
            new { amountMinor = 10_000_000, source = "Provincial allocation", creditedAt = Scenario.Past })).Status.Should().Be(HttpStatusCode.OK);
        var proposed = await staff.PostAsync($"/facilities/{facility}/ventures", Proposal(founder));
        proposed.Status.Should().Be(HttpStatusCode.Created, proposed.ToString());
        var path = $"/facilities/{facility}/ventures/{proposed.Id}";
        proposed.Message.Headers.Location!.ToString().Should().Be(path);

        (await staff.PostAsync($"{path}/approval", new { by = "Superintendent", at = Approved })).Status.Should().Be(HttpStatusCode.OK);
        var grant = await staff.PostAsync($"{path}/grants", new { amountMinor = 6_000_000, awardedAt = Granted });
        grant.Status.Should().Be(HttpStatusCode.OK, grant.ToString());
        (await staff.PostAsync($"{path}/milestones", new { milestone = "FirstSale", reachedAt = "2025-05-01T10:00:00+05:00" })).Status.Should().Be(HttpStatusCode.OK);
        (await staff.PostAsync($"{path}/milestones", new { milestone = "Registered", reachedAt = "2025-04-20T10:00:00+05:00" })).Status.Should().Be(HttpStatusCode.OK);
        (await staff.PostAsync($"{path}/repayments", new { kind = "Repayment", amountMinor = 1_500_000, repaidAt = "2025-05-20T10:00:00+05:00" }))
            .Status.Should().Be(HttpStatusCode.OK);

        var venture = await staff.GetAsync(path);
        venture.Status.Should().Be(HttpStatusCode.OK, venture.ToString());
        venture.ETag.Should().Be("\"6\"");
        venture.Body.GetProperty("stage").GetString().Should().Be("Funded");
        venture.Body.GetProperty("kind").GetString().Should().Be("Craft");
        venture.Body.GetProperty("grantMinor").GetInt64().Should().Be(6_000_000);
        venture.Body.GetProperty("repaidMinor").GetInt64().Should().Be(1_500_000);
        venture.Body.GetProperty("milestones").EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo("FirstSale", "Registered");

        var fund = await staff.GetAsync($"/facilities/{facility}/venture-fund");
        fund.Status.Should().Be(HttpStatusCode.OK, fund.ToString());
        fund.Body.GetProperty("balanceMinor").GetInt64().Should().Be(5_500_000);
        fund.Body.GetProperty("grantedMinor").GetInt64().Should().Be(6_000_000);
        fund.Body.GetProperty("returnedMinor").GetInt64().Should().Be(1_500_000);
        fund.Body.GetProperty("postings").EnumerateArray().Select(p => p.GetProperty("kind").GetString())
            .Should().Equal("credit", "seed_grant", "repayment");
        fund.Body.GetProperty("postings")[1].GetProperty("balanceAfterMinor").GetInt64().Should().Be(4_000_000);
    }

    [Fact]
    public async Task A_grant_that_would_take_the_fund_below_zero_is_refused_with_the_balance_and_writes_nothing()
    {
        var (facility, founder, staff) = await WorldAsync();
        await Given.Ok($"/facilities/{facility}/venture-fund/credits", new { amountMinor = 5_000_000, source = "Donation: Rotary Peshawar" });
        var path = await ApprovedVentureAsync(staff, facility, founder);
        var before = await fixture.EventCountAsync();

        var over = await staff.PostAsync($"{path}/grants", new { amountMinor = 5_000_001, awardedAt = Granted });
        over.Status.Should().Be(HttpStatusCode.UnprocessableEntity, over.ToString());
        over.Code.Should().Be("fund_insufficient");
        over.Body.GetProperty("detail").GetString().Should().Contain("PKR 50,000.00");
        (await fixture.EventCountAsync()).Should().Be(before);

        (await staff.PostAsync($"{path}/grants", new { amountMinor = 5_000_000, awardedAt = Granted })).Status.Should().Be(HttpStatusCode.OK);
        (await staff.GetAsync($"/facilities/{facility}/venture-fund")).Body.GetProperty("balanceMinor").GetInt64().Should().Be(0);
    }

    [Fact]
    public async Task A_grant_retried_with_its_posting_id_is_paid_once()
    {
        var (facility, founder, staff) = await WorldAsync();
        await Given.Ok($"/facilities/{facility}/venture-fund/credits", new { amountMinor = 9_000_000, source = "Provincial allocation" });
        var path = await ApprovedVentureAsync(staff, facility, founder);
        var posting = Guid.NewGuid();
        (await staff.PostAsync($"{path}/grants", new { postingId = posting, amountMinor = 3_000_000, awardedAt = Granted })).Status.Should().Be(HttpStatusCode.OK);
        (await staff.PostAsync($"{path}/grants", new { postingId = posting, amountMinor = 3_000_000, awardedAt = Granted })).Status.Should().Be(HttpStatusCode.OK);
        (await staff.GetAsync($"/facilities/{facility}/venture-fund")).Body.GetProperty("balanceMinor").GetInt64().Should().Be(6_000_000);
        (await staff.PostAsync($"{path}/grants", new { amountMinor = 1, awardedAt = Granted })).Code.Should().Be("grant_already_awarded");
    }

    [Fact]
    public async Task Out_of_order_steps_bad_input_and_foreign_currency_are_refused_and_write_nothing()
    {
        var (facility, founder, staff) = await WorldAsync();
        var id = (await staff.PostAsync($"/facilities/{facility}/ventures", Proposal(founder))).Id;
        var path = $"/facilities/{facility}/ventures/{id}";
        var before = await fixture.EventCountAsync();

        (await staff.PostAsync($"{path}/milestones", new { milestone = "FirstSale" })).Code.Should().Be("venture_step_out_of_order");
        (await staff.PostAsync($"{path}/grants", new { amountMinor = 100 })).Code.Should().Be("venture_step_out_of_order");
        (await staff.PostAsync($"{path}/approval", new { by = "Superintendent", at = "2025-03-31T10:00:00+05:00" })).Code.Should().Be("ends_before_start");
        (await staff.PostAsync($"/facilities/{facility}/venture-fund/credits", new { amountMinor = 100, currency = "USD", source = "Grant" }))
            .Code.Should().Be("currency_mismatch");
        (await staff.PostAsync($"/facilities/{facility}/ventures", Proposal(founder, "CERT-9"))).Code.Should().Be("founder_not_certified");
        var noFounders = await staff.PostAsync($"/facilities/{facility}/ventures", new { name = "X", businessPlan = "Y", mentorOrganisation = "Z" });
        noFounders.Status.Should().Be(HttpStatusCode.BadRequest);
        noFounders.ErrorFields.Should().Contain("founders");
        var badAmount = await staff.PostAsync($"{path}/grants", new { amountMinor = 0 });
        badAmount.Status.Should().Be(HttpStatusCode.BadRequest);
        badAmount.ErrorFields.Should().Contain("amountMinor");
        (await staff.PostAsync($"{path}/milestones", new { milestone = "Bankrupt" })).Status.Should().Be(HttpStatusCode.BadRequest);
        (await fixture.EventCountAsync()).Should().Be(before);
    }

    [Fact]
    public async Task A_venture_unknown_or_of_another_facility_is_not_found()
    {
        var (facility, founder, staff) = await WorldAsync();
        var id = (await staff.PostAsync($"/facilities/{facility}/ventures", Proposal(founder))).Id;
        var elsewhere = await Given.FacilityAsync();

        (await staff.PostAsync($"/facilities/{facility}/ventures/{Guid.NewGuid()}/approval", new { by = "Superintendent" })).Status.Should().Be(HttpStatusCode.NotFound);
        (await _admin.PostAsync($"/facilities/{elsewhere.Id}/ventures/{id}/approval", new { by = "Superintendent" })).Status.Should().Be(HttpStatusCode.NotFound);
        (await _admin.PostAsync($"/facilities/{elsewhere.Id}/ventures/{id}/grants", new { amountMinor = 100 })).Status.Should().Be(HttpStatusCode.NotFound);
        (await _admin.GetAsync($"/facilities/{elsewhere.Id}/ventures/{id}")).Status.Should().Be(HttpStatusCode.NotFound);
        (await _admin.GetAsync($"/facilities/{Guid.NewGuid()}/venture-fund")).Status.Should().Be(HttpStatusCode.NotFound);
        (await _admin.PostAsync($"/facilities/{Guid.NewGuid()}/venture-fund/credits", new { amountMinor = 100, source = "x" })).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_grant_against_a_stale_venture_version_is_a_failed_precondition_and_writes_nothing()
    {
        var (facility, founder, staff) = await WorldAsync();
        await Given.Ok($"/facilities/{facility}/venture-fund/credits", new { amountMinor = 9_000_000, source = "Provincial allocation" });
        var id = (await staff.PostAsync($"/facilities/{facility}/ventures", Proposal(founder))).Id;
        var path = $"/facilities/{facility}/ventures/{id}";
        (await staff.GetAsync(path)).ETag.Should().Be("\"1\"");
        (await staff.PostAsync($"{path}/approval", new { by = "Superintendent", at = Approved }, Api.IfMatch(1))).Status.Should().Be(HttpStatusCode.OK);
        var before = await fixture.EventCountAsync();

        var stale = await staff.PostAsync($"{path}/grants", new { amountMinor = 1_000_000, awardedAt = Granted }, Api.IfMatch(1));
        stale.Status.Should().Be(HttpStatusCode.PreconditionFailed, stale.ToString());
        (await fixture.EventCountAsync()).Should().Be(before);
        (await staff.PostAsync($"{path}/grants", new { amountMinor = 1_000_000, awardedAt = Granted }, Api.IfMatch(2))).Version.Should().Be(3);
    }

    [Fact]
    public async Task Founders_at_another_facility_cannot_propose_there()
    {
        var (facility, founder, _) = await WorldAsync();
        var elsewhere = await Given.FacilityAsync();
        var r = await _admin.PostAsync($"/facilities/{elsewhere.Id}/ventures", Proposal(founder));
        r.Status.Should().Be(HttpStatusCode.UnprocessableEntity, r.ToString());
        r.Code.Should().Be("wrong_facility");
    }

    [Fact]
    public async Task A_milestone_is_recorded_after_the_founder_is_released()
    {
        var (facility, founder, staff) = await WorldAsync();
        var path = await ApprovedVentureAsync(staff, facility, founder);
        (await staff.PostAsync($"/inmates/{founder}/release", new { releasedAt = "2025-04-12T10:00:00+05:00", reason = "Sentence served" }))
            .Status.Should().Be(HttpStatusCode.OK);
        (await staff.PostAsync($"{path}/milestones", new { milestone = "Registered", reachedAt = "2025-05-02T10:00:00+05:00" })).Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Staff_of_another_facility_can_neither_act_on_nor_read_its_ventures_or_fund()
    {
        var (facility, founder, staff) = await WorldAsync();
        var id = (await staff.PostAsync($"/facilities/{facility}/ventures", Proposal(founder))).Id;
        var elsewhere = await Given.FacilityAsync();
        var other = new Api(await TestUsers.ClientForAsync(fixture.Factory, Role.FacilityStaff, elsewhere.Id));

        (await other.PostAsync($"/facilities/{facility}/ventures/{id}/approval", new { by = "Someone" })).Status.Should().Be(HttpStatusCode.Forbidden);
        (await other.PostAsync($"/facilities/{facility}/venture-fund/credits", new { amountMinor = 100, source = "x" })).Status.Should().Be(HttpStatusCode.Forbidden);
        (await other.GetAsync($"/facilities/{facility}/ventures/{id}")).Status.Should().Be(HttpStatusCode.Forbidden);
        (await other.GetAsync($"/facilities/{facility}/venture-fund")).Status.Should().Be(HttpStatusCode.Forbidden);
        var instructor = new Api(await TestUsers.ClientForAsync(fixture.Factory, Role.Instructor, facility));
        (await instructor.PostAsync($"/facilities/{facility}/venture-fund/credits", new { amountMinor = 100, source = "x" })).Status.Should().Be(HttpStatusCode.Forbidden);
    }
}
