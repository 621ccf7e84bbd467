using System.Globalization;
using System.Net;
using FluentAssertions;
using SecondChance.Host.Tests.Support;
using Xunit;

namespace SecondChance.Host.Tests.Audit;

/// <summary>
/// Audit reads answered from a lagging read model wait until it includes every event acknowledged before the request
/// (or refuse with 503), and every read-model answer says up to which place in the log it is current.
/// </summary>
public sealed class ReadModelFreshnessTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private const string PositionHeader = "X-Read-Model-Position";
    private readonly Api _api = fixture.CreateApi();
    private Scenario Given => new(_api);

    public Task InitializeAsync() => fixture.ResetAsync();

    // the next test's reset starts every read model again
    public Task DisposeAsync() => Task.CompletedTask;

    private static object Credit(long amount) =>
        new { kind = "Wage", amountMinor = amount, currency = "PKR", description = "Wages", creditedAt = Scenario.Past };

    /// <summary>Posts credits a few at a time, as fast as they are acknowledged; returns how many were.</summary>
    private async Task<int> CreditQuicklyAsync(Guid inmate, int count)
    {
        using var gate = new SemaphoreSlim(4);
        var results = await Task.WhenAll(Enumerable.Range(1, count).Select(async i =>
        {
            await gate.WaitAsync();
            try { return await _api.PostAsync($"/inmates/{inmate}/wage-account/credits", Credit(1_000 + i)); }
            finally { gate.Release(); }
        }));
        return results.Count(r => r.Status == HttpStatusCode.OK);
    }

    /// <summary>In the header's terms: on Marten's daemon the place is the event's sequence, with transaction id 0.</summary>
    private async Task<(ulong Tx, long Seq)> LastEventOfAsync(Guid inmate)
    {
        var seq = await fixture.ScalarAsync($"select max(seq_id) from sc_events.mt_events where stream_id like '%{inmate:N}%' or stream_id like '%{inmate}%'");
        return (0, seq);
    }

    private static (ulong Tx, long Seq) Position(ApiResponse r)
    {
        var header = r.Header(PositionHeader);
        header.Should().NotBeNull($"{r.Message.RequestMessage!.RequestUri!.AbsolutePath} says up to which event it is current");
        var parts = header!.Split(':');
        return (ulong.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    private static bool AtOrAfter((ulong Tx, long Seq) a, (ulong Tx, long Seq) b) => a.Tx > b.Tx || (a.Tx == b.Tx && a.Seq >= b.Seq);

    [Fact]
    public async Task An_audit_statement_read_right_after_many_credits_lists_every_acknowledged_one_and_agrees_with_the_balance()
    {
        var facility = await Given.FacilityAsync();
        var inmate = await Given.AdmitAsync(facility.Id);

        // an unrelated transaction left open holds the projection back, as a slow append elsewhere does
        await using var other = await fixture.DataSource.OpenConnectionAsync();
        await using var open = await other.BeginTransactionAsync();
        await using (var xid = new Npgsql.NpgsqlCommand("select pg_current_xact_id()", other, open)) await xid.ExecuteScalarAsync();

        var acknowledged = await CreditQuicklyAsync(inmate, 50);
        var reading = _api.GetAsync($"/audit/wages/inmates/{inmate}/statement");
        await Task.WhenAny(reading, Task.Delay(200));
        await open.CommitAsync();
        var statement = await reading;
        var balances = await _api.GetAsync($"/audit/wages/inmates/{inmate}/balances");

        acknowledged.Should().BeGreaterThan(0);
        statement.Status.Should().Be(HttpStatusCode.OK, statement.ToString());
        statement.Body.GetProperty("lines").GetArrayLength().Should().Be(acknowledged);
        balances.Body.GetProperty("version").GetInt64().Should().BeGreaterThanOrEqualTo(acknowledged);
        statement.Body.GetProperty("spendableMinor").GetInt64().Should().Be(balances.Body.GetProperty("spendableMinor").GetInt64());
        statement.Body.GetProperty("savingsMinor").GetInt64().Should().Be(balances.Body.GetProperty("savingsMinor").GetInt64());
        statement.Body.GetProperty("familyMinor").GetInt64().Should().Be(balances.Body.GetProperty("familyMinor").GetInt64());
        statement.Body.GetProperty("totalMinor").GetInt64().Should().Be(balances.Body.GetProperty("totalMinor").GetInt64());
    }

    [Fact]
    public async Task An_audit_statement_from_a_paused_read_model_is_refused_with_503_and_retry_after_instead_of_stale_lines()
    {
        var facility = await Given.FacilityAsync();
        var inmate = await Given.AdmitAsync(facility.Id);
        await Given.Ok($"/inmates/{inmate}/wage-account/credits", Credit(5_000));
        await fixture.PauseReadModelAsync("wages");
        // once paused the wage projection cannot move its checkpoint, so this credit never reaches the read model
        await Given.Ok($"/inmates/{inmate}/wage-account/credits", Credit(7_000));

        var statement = await _api.GetAsync($"/audit/wages/inmates/{inmate}/statement");
        var reconciliation = await _api.GetAsync($"/audit/facilities/{facility.Id}/reconciliation");

        statement.Status.Should().Be(HttpStatusCode.ServiceUnavailable, statement.ToString());
        statement.Message.Headers.RetryAfter.Should().NotBeNull();
        statement.Code.Should().Be("read_model_paused");
        statement.Body.GetProperty("detail").GetString().Should().Contain("wages");
        statement.Body.TryGetProperty("lines", out _).Should().BeFalse();
        // reconciliation is there to show a read model that disagrees with the log, so it answers, saying how far it had come
        reconciliation.Status.Should().Be(HttpStatusCode.OK, reconciliation.ToString());
        AtOrAfter(Position(reconciliation), await LastEventOfAsync(inmate)).Should().BeFalse();
        reconciliation.Body.GetProperty("checks").EnumerateArray().Where(c => !c.GetProperty("passed").GetBoolean())
            .Select(c => c.GetProperty("code").GetString()).Should().Contain("read_model_agrees");

        (await _api.SendRawAsync(HttpMethod.Post, "/admin/projections/wages/resume", null, [])).Status.Should().Be(HttpStatusCode.NoContent);
        var resumed = await _api.GetAsync($"/audit/wages/inmates/{inmate}/statement");
        resumed.Status.Should().Be(HttpStatusCode.OK, resumed.ToString());
        resumed.Body.GetProperty("lines").GetArrayLength().Should().Be(2);
    }

    [Fact]
    public async Task Read_model_and_audit_answers_say_a_log_position_at_or_after_the_last_acknowledged_event_of_the_inmate()
    {
        var facility = await Given.FacilityAsync();
        var inmate = await Given.AdmitAsync(facility.Id);
        await CreditQuicklyAsync(inmate, 5);
        var last = await LastEventOfAsync(inmate);

        var statement = await _api.GetAsync($"/audit/wages/inmates/{inmate}/statement");
        var balances = await _api.GetAsync($"/audit/wages/inmates/{inmate}/balances");
        var reconciliation = await _api.GetAsync($"/audit/facilities/{facility.Id}/reconciliation");
        var replay = await _api.GetAsync($"/audit/facilities/{facility.Id}/replay");
        var findings = await _api.GetAsync($"/oversight/inmates/{inmate}/findings");
        var report = await _api.GetAsync($"/oversight/facilities/{facility.Id}/report?from=2025-01-01&to=2025-12-31");
        foreach (var fresh in new[] { statement, balances, reconciliation, replay, findings, report })
        {
            fresh.Status.Should().Be(HttpStatusCode.OK, fresh.ToString());
            AtOrAfter(Position(fresh), last).Should().BeTrue($"{fresh.Message.RequestMessage!.RequestUri} includes the inmate's last event");
        }

        await fixture.ProjectionsCaughtUpAsync();
        foreach (var path in new[]
                 {
                     $"/read-models/inmates/{inmate}/timeline", "/read-models/dashboard", $"/read-models/wages/inmates/{inmate}/statement",
                     "/read-models/wages/totals", "/read-models/wages/sales", "/read-models/wages/trial-balance",
                     $"/read-models/compliance/inmates/{inmate}", $"/read-models/compliance/facilities/{facility.Id}", "/read-models/catalogue",
                 })
        {
            var r = await _api.GetAsync(path);
            r.Status.Should().Be(HttpStatusCode.OK, $"{path}: {r}");
            AtOrAfter(Position(r), last).Should().BeTrue($"{path} has caught up past the inmate's last event");
        }
    }

    [Fact]
    public async Task The_openapi_document_declares_the_position_header_and_the_503_of_audit_reads()
    {
        var document = (await fixture.CreateAnonymousApi().GetAsync("/openapi/v1.json")).Body;
        var paths = document.GetProperty("paths");

        foreach (var path in new[] { "/audit/wages/inmates/{inmateId}/statement", "/read-models/wages/inmates/{inmateId}/statement", "/read-models/dashboard" })
            paths.GetProperty(path).GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("headers")
                .TryGetProperty(PositionHeader, out _).Should().BeTrue(path);
        paths.GetProperty("/audit/wages/inmates/{inmateId}/statement").GetProperty("get").GetProperty("responses")
            .TryGetProperty("503", out _).Should().BeTrue();
    }
}
