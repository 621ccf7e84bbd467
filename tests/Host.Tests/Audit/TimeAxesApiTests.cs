using System.Net;
using System.Text.Json;
using FluentAssertions;
using SecondChance.Host.Tests.Support;
using Xunit;

namespace SecondChance.Host.Tests.Audit;

/// <summary>Balances and the statement on both axes: asOf (effective date) and knownAt (recording instant).</summary>
public sealed class TimeAxesApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private readonly Api _api = fixture.CreateApi();
    private Scenario Given => new(_api);

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static object Credit(long amount, string at) =>
        new { kind = "Wage", amountMinor = amount, currency = "PKR", description = $"Wages of {at[..10]}", creditedAt = at };

    /// <summary>
    /// Credits recorded in this order, each after the day it took effect: 30 March, 6 March, 2 April at 02:00 in Karachi
    /// (still 1 April in UTC), 5 April.
    /// </summary>
    private async Task<Guid> InmateWithPostingsAsync()
    {
        var facility = await Given.FacilityAsync();
        var inmate = await Given.AdmitAsync(facility.Id);
        await Given.Ok($"/inmates/{inmate}/wage-account/credits", Credit(10_000, "2025-03-30T10:00:00+05:00"));
        await Given.Ok($"/inmates/{inmate}/wage-account/credits", Credit(20_000, "2025-03-06T10:00:00+05:00"));
        await Given.Ok($"/inmates/{inmate}/wage-account/credits", Credit(80_000, "2025-04-02T02:00:00+05:00"));
        await Given.Ok($"/inmates/{inmate}/wage-account/credits", Credit(40_000, "2025-04-05T10:00:00+05:00"));
        await fixture.ProjectionsCaughtUpAsync();
        return inmate;
    }

    /// <summary>The instant the database recorded the account's event at that version, for knownAt.</summary>
    private async Task<string> RecordedAtAsync(Guid inmate, int version)
    {
        var micros = await fixture.ScalarAsync(
            $"select (extract(epoch from timestamp) * 1000000)::bigint from sc_events.mt_events where stream_id = 'wage-account-{inmate:N}' and version = {version}");
        return Uri.EscapeDataString(DateTimeOffset.UnixEpoch.AddTicks(micros * 10).ToString("O"));
    }

    private static List<string> Effective(ApiResponse statement) =>
        statement.Body.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("occurredAt").GetDateTimeOffset().ToString("yyyy-MM-dd")).ToList();

    private static void SameBalances(JsonElement statement, JsonElement balances)
    {
        foreach (var part in new[] { "spendableMinor", "savingsMinor", "familyMinor", "totalMinor" })
            statement.GetProperty(part).GetInt64().Should().Be(balances.GetProperty(part).GetInt64(), part);
    }

    [Fact]
    public async Task Statement_as_of_a_date_lists_the_postings_in_effect_by_the_end_of_that_day_at_the_facility_in_effective_order_and_closes_on_the_balances_as_of_that_date()
    {
        var inmate = await InmateWithPostingsAsync();

        var statement = await _api.GetAsync($"/audit/wages/inmates/{inmate}/statement?asOf=2025-04-01");
        var balances = await _api.GetAsync($"/audit/wages/inmates/{inmate}/balances?asOf=2025-04-01");

        statement.Status.Should().Be(HttpStatusCode.OK, statement.ToString());
        Effective(statement).Should().Equal("2025-03-06", "2025-03-30");
        statement.Body.GetProperty("totalMinor").GetInt64().Should().Be(30_000);
        statement.Body.GetProperty("lines")[1].GetProperty("savingsBalance").GetInt64().Should().Be(statement.Body.GetProperty("savingsMinor").GetInt64());
        SameBalances(statement.Body, balances.Body);
        foreach (var r in new[] { statement, balances })
        {
            r.Body.GetProperty("asOf").GetString().Should().Be("2025-04-01");
            r.Body.GetProperty("effectiveThrough").GetDateTimeOffset().Should().Be(new DateTimeOffset(2025, 4, 1, 18, 59, 59, TimeSpan.Zero).AddTicks(9_999_999));
            r.Body.GetProperty("knownAt").ValueKind.Should().Be(JsonValueKind.Null);
        }
    }

    [Fact]
    public async Task Known_at_an_instant_leaves_out_what_was_recorded_after_it_from_statement_and_balances_alike()
    {
        var inmate = await InmateWithPostingsAsync();
        var first = await RecordedAtAsync(inmate, 1);

        var statement = await _api.GetAsync($"/audit/wages/inmates/{inmate}/statement?knownAt={first}");
        var balances = await _api.GetAsync($"/audit/wages/inmates/{inmate}/balances?knownAt={first}");

        Effective(statement).Should().Equal("2025-03-30");
        statement.Body.GetProperty("totalMinor").GetInt64().Should().Be(10_000);
        SameBalances(statement.Body, balances.Body);
        statement.Body.GetProperty("knownAt").GetDateTimeOffset().Should().Be(balances.Body.GetProperty("knownAt").GetDateTimeOffset());
        statement.Body.GetProperty("asOf").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task Both_axes_together_say_what_was_known_at_an_instant_about_a_date()
    {
        var inmate = await InmateWithPostingsAsync();
        var (first, second) = (await RecordedAtAsync(inmate, 1), await RecordedAtAsync(inmate, 2));

        var knownFirst = await _api.GetAsync($"/audit/wages/inmates/{inmate}/statement?asOf=2025-03-20&knownAt={first}");
        var knownSecond = await _api.GetAsync($"/audit/wages/inmates/{inmate}/statement?asOf=2025-03-20&knownAt={second}");
        var balances = await _api.GetAsync($"/audit/wages/inmates/{inmate}/balances?asOf=2025-03-20&knownAt={second}");

        Effective(knownFirst).Should().BeEmpty("the 6 March credit was not yet recorded, the 30 March one not yet in effect");
        Effective(knownSecond).Should().Equal("2025-03-06");
        SameBalances(knownSecond.Body, balances.Body);
        balances.Body.GetProperty("totalMinor").GetInt64().Should().Be(20_000);
    }

    [Fact]
    public async Task Statement_csv_holds_only_the_postings_on_the_axes_asked_for_and_says_which_axes_they_were()
    {
        var inmate = await InmateWithPostingsAsync();

        var response = await _api.Client.GetAsync($"/audit/wages/inmates/{inmate}/statement?asOf=2025-04-01&format=csv");
        var rows = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        rows[0].Should().EndWith(",recorded_at,as_of,effective_through,known_at");
        rows.Skip(1).Should().HaveCount(2).And.OnlyContain(r => r.EndsWith(",2025-04-01,2025-04-01T18:59:59.9999999Z,"));
        response.Content.Headers.ContentDisposition!.FileName.Should().Contain($"statement-{inmate:N}-as-of-2025-04-01.csv");
    }

    [Fact]
    public async Task An_unparseable_as_of_or_known_at_is_400_naming_the_field_and_known_at_with_version_too()
    {
        var inmate = await InmateWithPostingsAsync();

        (await _api.GetAsync($"/audit/wages/inmates/{inmate}/balances?asOf=2025-02-30")).ErrorFields.Should().Equal("asOf");
        (await _api.GetAsync($"/audit/wages/inmates/{inmate}/statement?knownAt=yesterday")).ErrorFields.Should().Equal("knownAt");
        (await _api.GetAsync($"/audit/wages/inmates/{inmate}/statement?asOf=")).ErrorFields.Should().Equal("asOf");
        (await _api.GetAsync($"/audit/wages/inmates/{inmate}/balances?knownAt=2025-04-01T00:00:00Z&version=1")).ErrorFields.Should().Equal("version");
        (await _api.GetAsync($"/oversight/inmates/{inmate}/findings?asOf=soon")).ErrorFields.Should().Equal("asOf");
        (await _api.GetAsync($"/oversight/facilities/{Guid.NewGuid()}/report?from=2025-01-01&to=2025-02-01&knownAt=then")).ErrorFields.Should().Equal("knownAt");
    }
}
