using System.Net;
using FluentAssertions;
using SecondChance.Host.Tests.Support;
using Xunit;

namespace SecondChance.Host.Tests.Wages;

public sealed class WageApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private readonly Api _api = fixture.CreateApi();
    private Scenario Given => new(_api);

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static object Credit(long amount = 10_000, Guid? postingId = null) =>
        new { postingId, kind = "Wage", amountMinor = amount, currency = "PKR", description = "May wages", creditedAt = Scenario.Past };

    private async Task<Guid> InmateWithWagesAsync()
    {
        var facility = await Given.FacilityAsync();
        var inmate = await Given.AdmitAsync(facility.Id);
        (await _api.PostAsync($"/inmates/{inmate}/wage-account/credits", Credit())).Status.Should().Be(HttpStatusCode.OK);
        return inmate;
    }

    [Fact]
    public async Task A_wage_credit_is_split_into_spendable_and_savings_by_the_policy()
    {
        var inmate = await InmateWithWagesAsync();

        var account = await _api.GetAsync($"/inmates/{inmate}/wage-account");

        account.ETag.Should().Be("\"1\"");
        account.Body.GetProperty("state").GetProperty("spendable").GetInt64().Should().Be(7_500);
        account.Body.GetProperty("state").GetProperty("savings").GetInt64().Should().Be(2_500);
    }

    [Fact]
    public async Task A_credit_repeated_with_the_same_posting_id_is_applied_once()
    {
        var facility = await Given.FacilityAsync();
        var inmate = await Given.AdmitAsync(facility.Id);
        var postingId = Guid.NewGuid();

        await _api.PostAsync($"/inmates/{inmate}/wage-account/credits", Credit(postingId: postingId));
        var again = await _api.PostAsync($"/inmates/{inmate}/wage-account/credits", Credit(postingId: postingId));

        again.Id.Should().Be(postingId);
        (await fixture.ScalarAsync("select count(*) from sc_events.mt_events where type = 'wage_credited.v1'")).Should().Be(1);
    }

    [Fact]
    public async Task A_first_credit_in_another_currency_is_refused_so_a_typo_cannot_lock_the_account()
    {
        var facility = await Given.FacilityAsync();
        var inmate = await Given.AdmitAsync(facility.Id);

        var dollars = await _api.PostAsync($"/inmates/{inmate}/wage-account/credits",
            new { kind = "Wage", amountMinor = 10_000, currency = "USD", description = "May wages", creditedAt = Scenario.Past });

        dollars.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        dollars.Code.Should().Be("currency_mismatch");
        dollars.Body.GetProperty("detail").GetString().Should().Contain("PKR").And.Contain("USD");
        (await _api.PostAsync($"/inmates/{inmate}/wage-account/credits", Credit())).Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_facility_registered_in_another_currency_keeps_its_wage_accounts_in_it()
    {
        var facility = (await Given.Created("/facilities", new { name = "Al Awir", code = "AWR", timeZoneId = "Asia/Dubai", currency = "AED" })).Id;
        await Given.Ok($"/facilities/{facility}/wards", new { name = "Block A", category = "AdultMale" });
        await Given.Ok($"/facilities/{facility}/proceeds-policies", Scenario.Policy("2025-01-01"));
        var inmate = await Given.AdmitAsync(facility);

        (await _api.PostAsync($"/inmates/{inmate}/wage-account/credits", Credit())).Code.Should().Be("currency_mismatch");
        (await _api.PostAsync($"/inmates/{inmate}/wage-account/credits", new { kind = "Wage", amountMinor = 10_000, description = "May wages" }))
            .Status.Should().Be(HttpStatusCode.OK);
        (await _api.GetAsync($"/inmates/{inmate}/wage-account")).Body.GetProperty("state").GetProperty("currency").GetString().Should().Be("AED");
    }

    [Fact]
    public async Task A_wage_credit_dated_before_admission_is_refused_and_writes_nothing()
    {
        var facility = await Given.FacilityAsync();
        var inmate = await Given.AdmitAsync(facility.Id);
        var before = await fixture.EventCountAsync();

        var r = await _api.PostAsync($"/inmates/{inmate}/wage-account/credits",
            new { kind = "Wage", amountMinor = 10_000, currency = "PKR", description = "December wages", creditedAt = "2025-01-05T10:00:00+05:00" });

        r.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        r.Code.Should().Be("before_admission");
        (await fixture.EventCountAsync()).Should().Be(before);
    }

    [Fact]
    public async Task A_credit_without_a_policy_is_refused_as_no_proceeds_policy()
    {
        var facility = await Given.FacilityAsync(withPolicy: false);
        var inmate = await Given.AdmitAsync(facility.Id);

        (await _api.PostAsync($"/inmates/{inmate}/wage-account/credits", Credit())).Code.Should().Be("no_proceeds_policy");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public async Task A_non_positive_amount_is_400(long amount)
    {
        (await _api.PostAsync($"/inmates/{Guid.NewGuid()}/wage-account/credits", Credit(amount))).ErrorFields.Should().Equal("amountMinor");
    }

    [Fact]
    public async Task A_deduction_that_would_overdraw_spendable_is_refused_as_insufficient_funds_and_writes_nothing()
    {
        var inmate = await InmateWithWagesAsync();
        var before = await fixture.EventCountAsync();

        var r = await _api.PostAsync($"/inmates/{inmate}/wage-account/deductions",
            new { amountMinor = 8_000, reason = "Canteen", postedAt = Scenario.Past });

        r.Code.Should().Be("insufficient_funds");
        (await fixture.EventCountAsync()).Should().Be(before);
    }

    [Fact]
    public async Task A_deduction_within_spendable_is_posted()
    {
        var inmate = await InmateWithWagesAsync();

        var r = await _api.PostAsync($"/inmates/{inmate}/wage-account/deductions", new { amountMinor = 5_000, reason = "Canteen", postedAt = Scenario.Past });

        r.Version.Should().Be(2);
    }

    [Fact]
    public async Task A_remittance_from_savings_is_refused_and_from_spendable_is_sent()
    {
        var inmate = await InmateWithWagesAsync();

        var fromSavings = await _api.PostAsync($"/inmates/{inmate}/wage-account/remittances",
            new { amountMinor = 1_000, recipient = "Wife, Shazia", sentAt = Scenario.Past, from = "Savings" });
        var fromSpendable = await _api.PostAsync($"/inmates/{inmate}/wage-account/remittances",
            new { amountMinor = 1_000, recipient = "Wife, Shazia", sentAt = Scenario.Past, from = "Spendable" });

        fromSavings.Code.Should().Be("invalid_field");
        fromSpendable.Status.Should().Be(HttpStatusCode.OK, fromSpendable.ToString());
    }

    [Fact]
    public async Task Payout_is_refused_before_release_then_paid_once_after_release()
    {
        var inmate = await InmateWithWagesAsync();
        var payout = new { paidAt = Scenario.Past };

        (await _api.PostAsync($"/inmates/{inmate}/wage-account/payout", payout)).Code.Should().Be("inmate_not_released");
        await Given.Ok($"/inmates/{inmate}/release", new { releasedAt = Scenario.Past, reason = "Served" });
        (await _api.PostAsync($"/inmates/{inmate}/wage-account/payout", payout)).Status.Should().Be(HttpStatusCode.OK);
        (await _api.PostAsync($"/inmates/{inmate}/wage-account/payout", payout)).Code.Should().Be("already_paid_out");
        (await fixture.ScalarAsync("select count(*) from sc_events.mt_events where type = 'release_payout_made.v1'")).Should().Be(1);
    }

    [Fact]
    public async Task A_posting_is_reversed_once_and_an_unknown_posting_cannot_be_reversed()
    {
        var facility = await Given.FacilityAsync();
        var inmate = await Given.AdmitAsync(facility.Id);
        var posting = (await _api.PostAsync($"/inmates/{inmate}/wage-account/credits", Credit())).Id;
        object Reversal(Guid id) => new { reversedPostingId = id, reason = "Wrong rate", reversedAt = Scenario.Past };

        (await _api.PostAsync($"/inmates/{inmate}/wage-account/reversals", Reversal(posting))).Status.Should().Be(HttpStatusCode.OK);
        (await _api.PostAsync($"/inmates/{inmate}/wage-account/reversals", Reversal(posting))).Code.Should().Be("posting_already_reversed");
        (await _api.PostAsync($"/inmates/{inmate}/wage-account/reversals", Reversal(Guid.NewGuid()))).Code.Should().Be("posting_not_found");
        (await _api.GetAsync($"/inmates/{inmate}/wage-account")).Body.GetProperty("state").GetProperty("spendable").GetInt64().Should().Be(0);
    }

    [Fact]
    public async Task A_stale_if_match_on_the_wage_account_is_412()
    {
        var inmate = await InmateWithWagesAsync();

        var r = await _api.PostAsync($"/inmates/{inmate}/wage-account/deductions",
            new { amountMinor = 100, reason = "Canteen", postedAt = Scenario.Past }, Api.IfMatch(0));

        r.Status.Should().Be(HttpStatusCode.PreconditionFailed);
        r.Body.GetProperty("actualVersion").GetInt64().Should().Be(1);
    }

    [Fact]
    public async Task The_wage_account_of_an_unknown_inmate_is_404()
    {
        (await _api.GetAsync($"/inmates/{Guid.NewGuid()}/wage-account")).Status.Should().Be(HttpStatusCode.NotFound);
    }
}
