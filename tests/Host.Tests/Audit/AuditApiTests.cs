using System.Net;
using System.Text.Json;
using FluentAssertions;
using SecondChance.Host.Tests.Support;
using Xunit;

namespace SecondChance.Host.Tests.Audit;

public sealed class AuditApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private readonly Api _api = fixture.CreateApi();
    private Scenario Given => new(_api);

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static object Credit(long amount) =>
        new { kind = "Wage", amountMinor = amount, currency = "PKR", description = "Wages", creditedAt = Scenario.Past };

    /// <summary>A facility where two makers sold an item and one of them was paid wages and had a deduction.</summary>
    private async Task<(Guid Facility, Guid MakerA, Guid MakerB)> FacilityWithHistoryAsync()
    {
        var (facility, programme, a) = await Given.EnrolledInmateAsync();
        var b = await Given.AdmitAsync(facility.Id);
        (await Given.EnrolAsync(programme, b)).Status.Should().Be(HttpStatusCode.OK);
        var item = await Given.ListedItemAsync(facility.Id, programme, (a, 300), (b, 100));
        await Given.Ok($"/items/{item}/sale", new
        {
            priceMinor = 1_000_000, currency = "PKR", channel = "Exhibition", buyerReference = "Expo receipt 77", soldAt = Scenario.Past,
        });
        await Given.Ok($"/inmates/{a}/wage-account/credits", Credit(10_000));
        await Given.Ok($"/inmates/{a}/wage-account/deductions", new { amountMinor = 1_000, reason = "Canteen", postedAt = Scenario.Past });
        await ReadModelCaughtUpAsync(a, 3);
        await ReadModelCaughtUpAsync(b, 1);
        return (facility.Id, a, b);
    }

    private async Task ReadModelCaughtUpAsync(Guid inmate, int postings)
    {
        for (var i = 0; i < 200; i++)
        {
            var r = await _api.GetAsync($"/audit/wages/inmates/{inmate}/statement");
            if (r.Status == HttpStatusCode.OK && r.Body.GetProperty("lines").GetArrayLength() >= postings) return;
            await Task.Delay(50);
        }
        throw new TimeoutException($"The wage read model never showed {postings} postings for {inmate}.");
    }

    private static IEnumerable<JsonElement> Failed(ApiResponse r) =>
        r.Body.GetProperty("checks").EnumerateArray().Where(c => !c.GetProperty("passed").GetBoolean());

    [Fact]
    public async Task Balances_by_version_come_from_the_events_and_agree_with_the_statement_at_present()
    {
        var (_, a, _) = await FacilityWithHistoryAsync();

        var now = await _api.GetAsync($"/audit/wages/inmates/{a}/balances");
        var atFirst = await _api.GetAsync($"/audit/wages/inmates/{a}/balances?version=1");
        var statement = (await _api.GetAsync($"/audit/wages/inmates/{a}/statement")).Body.GetProperty("lines").EnumerateArray().Last();

        now.Body.GetProperty("spendableMinor").GetInt64().Should().Be(statement.GetProperty("spendableBalance").GetInt64());
        now.Body.GetProperty("savingsMinor").GetInt64().Should().Be(statement.GetProperty("savingsBalance").GetInt64());
        now.Body.GetProperty("familyMinor").GetInt64().Should().Be(statement.GetProperty("familyBalance").GetInt64());
        now.Body.GetProperty("version").GetInt64().Should().Be(3);
        atFirst.Body.GetProperty("version").GetInt64().Should().Be(1);
        atFirst.Body.GetProperty("totalMinor").GetInt64().Should().Be(450_000);
    }

    [Fact]
    public async Task Balances_as_of_an_instant_before_the_account_existed_are_zero()
    {
        var (_, a, _) = await FacilityWithHistoryAsync();

        var r = await _api.GetAsync($"/audit/wages/inmates/{a}/balances?asOf=2000-01-01T00:00:00Z");

        r.Body.GetProperty("version").GetInt64().Should().Be(0);
        r.Body.GetProperty("totalMinor").GetInt64().Should().Be(0);
    }

    [Fact]
    public async Task Balances_with_both_known_at_and_version_or_a_bad_instant_are_400_with_field_errors()
    {
        (await _api.GetAsync($"/audit/wages/inmates/{Guid.NewGuid()}/balances?knownAt=2025-01-01T00:00:00Z&version=2")).ErrorFields.Should().Equal("version");
        (await _api.GetAsync($"/audit/wages/inmates/{Guid.NewGuid()}/balances?asOf=yesterday")).ErrorFields.Should().Equal("asOf");
        (await _api.GetAsync($"/audit/facilities/{Guid.NewGuid()}/replay?from=2025-02-01T00:00:00Z&to=2025-01-01T00:00:00Z")).ErrorFields.Should().Equal("to");
        (await _api.GetAsync($"/audit/facilities/{Guid.NewGuid()}/reconciliation?format=xml")).ErrorFields.Should().Equal("format");
    }

    [Fact]
    public async Task Replay_lists_every_posting_and_the_sale_with_its_split_and_who_recorded_it()
    {
        var (facility, _, _) = await FacilityWithHistoryAsync();

        var lines = (await _api.GetAsync($"/audit/facilities/{facility}/replay")).Body.GetProperty("lines").EnumerateArray().ToList();

        lines.Select(l => l.GetProperty("source").GetString()).Should().BeEquivalentTo(["sale", "sale_share", "sale_share", "wage", "deduction"]);
        var sale = lines.Single(l => l.GetProperty("source").GetString() == "sale").GetProperty("sale");
        (sale.GetProperty("inmateShareMinor").GetInt64() + sale.GetProperty("welfareFundMinor").GetInt64()
            + sale.GetProperty("materialsRecoveryMinor").GetInt64()).Should().Be(1_000_000);
        lines.All(l => l.TryGetProperty("actor", out var _) && l.TryGetProperty("recordedAt", out var _)).Should().BeTrue();
    }

    [Fact]
    public async Task Reconciliation_of_an_untouched_facility_passes_every_check()
    {
        var (facility, _, _) = await FacilityWithHistoryAsync();

        var r = await _api.GetAsync($"/audit/facilities/{facility}/reconciliation");

        r.Status.Should().Be(HttpStatusCode.OK, r.ToString());
        Failed(r).Should().BeEmpty(r.ToString());
        r.Body.GetProperty("reconciled").GetBoolean().Should().BeTrue();
        r.Body.GetProperty("salePricesMinor").GetInt64().Should().Be(r.Body.GetProperty("salePartsMinor").GetInt64());
        r.Body.GetProperty("checks").GetArrayLength().Should().Be(6);
    }

    [Fact]
    public async Task Reconciliation_catches_a_posting_amount_changed_in_the_read_model_with_plain_SQL()
    {
        var (facility, a, _) = await FacilityWithHistoryAsync();
        await fixture.ScalarAsync($"with u as (update sc_wages.postings set spendable = spendable + 100 where inmate_id = '{a}' and source = 'wage' returning 1) select count(*) from u");

        var r = await _api.GetAsync($"/audit/facilities/{facility}/reconciliation");

        Failed(r).Select(c => c.GetProperty("code").GetString()).Should().Equal("read_model_agrees");
        r.Body.GetProperty("discrepancies").EnumerateArray().Single().GetProperty("subject").GetGuid().Should().Be(a);
    }

    [Fact]
    public async Task Reconciliation_catches_a_sale_price_changed_in_the_event_log_with_plain_SQL()
    {
        var (facility, _, _) = await FacilityWithHistoryAsync();
        await fixture.ScalarAsync("""
            with u as (update sc_events.mt_events set data = jsonb_set(data, '{priceMinor}', '1000500') where type = 'sale_proceeds_distributed.v1' returning 1)
            select count(*) from u
            """);

        var r = await _api.GetAsync($"/audit/facilities/{facility}/reconciliation");

        Failed(r).Select(c => c.GetProperty("code").GetString()).Should().Equal("sale_parts_add_up");
    }

    [Fact]
    public async Task Reconciliation_catches_a_sale_share_credited_twice_by_an_event_row_inserted_with_plain_SQL()
    {
        var (facility, a, _) = await FacilityWithHistoryAsync();
        await fixture.ScalarAsync($"""
            with src as (select * from sc_events.mt_events where type = 'share_of_sale_credited.v1' and stream_id = 'wage-account-{a:N}' limit 1),
                 u as (insert into sc_events.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type)
                       select nextval('sc_events.mt_events_sequence'), gen_random_uuid(), stream_id, (select max(version) + 1 from sc_events.mt_events where stream_id = src.stream_id),
                              data, type, timestamp, tenant_id, mt_dotnet_type from src returning 1)
            select count(*) from u
            """);

        var r = await _api.GetAsync($"/audit/facilities/{facility}/reconciliation");

        Failed(r).Select(c => c.GetProperty("code").GetString()).Should().Contain(["sale_posted_once", "posting_applied_once"]);
    }

    [Fact]
    public async Task Replay_as_csv_has_stable_columns_iso_dates_formatted_amounts_and_a_file_name()
    {
        var (facility, _, _) = await FacilityWithHistoryAsync();

        var response = await _api.Client.GetAsync($"/audit/facilities/{facility}/replay?format=csv");
        var csv = await response.Content.ReadAsStringAsync();

        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        response.Content.Headers.ContentDisposition!.FileName.Should().Contain($"replay-{facility:N}.csv");
        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        rows[0].Should().StartWith("position,stream_id,version,recorded_at,occurred_at,actor,source,inmate_id,posting_id,sale_id");
        rows.Should().Contain(r => r.Contains(",1000000,\"10,000.00 PKR\","));
        rows.Skip(1).Should().OnlyContain(r => System.Text.RegularExpressions.Regex.IsMatch(r, @"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z"));
    }

    [Fact]
    public async Task Statement_is_exported_as_csv_when_the_client_accepts_text_csv()
    {
        var (_, a, _) = await FacilityWithHistoryAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/audit/wages/inmates/{a}/statement");
        request.Headers.Accept.ParseAdd("text/csv");

        var response = await _api.Client.SendAsync(request);
        var header = (await response.Content.ReadAsStringAsync()).Split("\r\n")[0];

        header.Should().Be("inmate_id,position,posting_id,source,reference,description,occurred_at,currency,spendable_minor,savings_minor,family_minor,"
                           + "amount_minor,amount,spendable_balance_minor,savings_balance_minor,family_balance_minor,balance_minor,balance,"
                           + "recorded_at,as_of,effective_through,known_at");
    }

    [Fact]
    public async Task Verify_reports_clean_then_names_the_stream_and_version_changed_with_plain_SQL()
    {
        var (_, a, _) = await FacilityWithHistoryAsync();
        (await _api.PostAsync("/audit/verify", new { })).Body.GetProperty("isClean").GetBoolean().Should().BeTrue();
        await fixture.ScalarAsync($"with u as (update sc_events.mt_events set data = jsonb_set(data, '{{amountMinor}}', '1') where stream_id = 'wage-account-{a:N}' and version = 2 returning 1) select count(*) from u");

        var r = await _api.PostAsync("/audit/verify", new { });

        var broken = r.Body.GetProperty("brokenLinks").EnumerateArray().ToList();
        broken.Should().NotBeEmpty();
        broken[0].GetProperty("streamId").GetString().Should().Be($"wage-account-{a:N}");
        broken[0].GetProperty("version").GetInt64().Should().Be(2);
    }

    /// <summary>
    /// A checkpoint covers the transactions settled on the whole server (older than the oldest still open), and other
    /// tests' transactions on the shared test server can hold that back for a moment: ask again until it covers events.
    /// </summary>
    private async Task<string> CheckpointAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var checkpoint = await _api.PostAsync("/audit/checkpoints", new { });
            if (checkpoint.Body.GetProperty("events").GetInt64() > 0 || DateTime.UtcNow > deadline) return checkpoint.Body.GetRawText();
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task A_checkpoint_proves_an_untouched_log_and_fails_after_an_event_is_deleted_with_plain_SQL()
    {
        var (_, a, _) = await FacilityWithHistoryAsync();
        var json = await CheckpointAsync();

        var holds = await _api.SendRawAsync(HttpMethod.Post, "/audit/checkpoints/prove", json, []);
        await fixture.ScalarAsync($"with d as (delete from sc_events.mt_events where stream_id = 'wage-account-{a:N}' and version = 3 returning 1) select count(*) from d");
        var broken = await _api.SendRawAsync(HttpMethod.Post, "/audit/checkpoints/prove", json, []);

        holds.Body.GetProperty("holds").GetBoolean().Should().BeTrue(holds.ToString());
        broken.Body.GetProperty("holds").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public async Task A_checkpoint_fails_naming_the_event_whose_data_was_updated_with_plain_SQL_after_it()
    {
        var (_, a, _) = await FacilityWithHistoryAsync();
        var json = await CheckpointAsync();
        await fixture.ScalarAsync($"with u as (update sc_events.mt_events set data = jsonb_set(data, '{{amountMinor}}', '1') where stream_id = 'wage-account-{a:N}' and version = 2 returning 1) select count(*) from u");

        var proof = await _api.SendRawAsync(HttpMethod.Post, "/audit/checkpoints/prove", json, []);

        proof.Body.GetProperty("holds").GetBoolean().Should().BeFalse(proof.ToString());
        proof.Body.GetProperty("firstBroken").GetProperty("streamId").GetString().Should().Be($"wage-account-{a:N}");
        proof.Body.GetProperty("firstBroken").GetProperty("version").GetInt64().Should().Be(2);
    }

    [Fact]
    public async Task Proving_a_body_that_is_not_a_checkpoint_is_400()
    {
        (await _api.SendRawAsync(HttpMethod.Post, "/audit/checkpoints/prove", "{\"rootHash\":\"\"}", [])).ErrorFields.Should().Equal("rootHash");
    }

    [Theory]
    [InlineData("{\"rootHash\":\"00\"}", "rootHash")]
    [InlineData("{\"rootHash\":\"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\"}", "transactionId")]
    [InlineData("not json", "checkpoint")]
    public async Task Proving_a_malformed_checkpoint_is_400_naming_the_field(string body, string field)
    {
        (await _api.SendRawAsync(HttpMethod.Post, "/audit/checkpoints/prove", body, [])).ErrorFields.Should().Equal(field);
    }
}
