using System.Net;
using System.Text.Json;
using FluentAssertions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using SecondChance.Integrity.HashChain;
using SecondChance.Host.Tests.Support;
using Xunit;

namespace SecondChance.Host.Tests.Security;

public sealed class ErasureTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private const string Name = "Imran Khan Afridi";
    private const string Cnic = "42101-1234567-1";
    private const string Health = "Chronic asthma, inhaler twice daily";
    private const string Mentoring = "Talked about his daughter's school";
    private readonly Api _api = fixture.CreateApi();
    private Scenario Given => new(_api);

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Erasing_a_released_inmate_keeps_events_chain_and_amounts_and_every_read_model_shows_erased()
    {
        var (facility, programme, inmate) = await Given.EnrolledInmateAsync();
        await Given.Ok($"/inmates/{inmate}/attribution-consent", new { at = Scenario.Past });
        await Given.Ok($"/inmates/{inmate}/medical-screenings", new { screenedAt = Scenario.Past, screenedBy = "Dr. Hina", summary = Health });
        var mentor = await Given.MentorAsync();
        (await _api.PutAsync($"/inmates/{inmate}/mentor", new { mentorId = mentor, assignedAt = Scenario.Past })).Status.Should().Be(HttpStatusCode.OK);
        await Given.Ok($"/inmates/{inmate}/mentoring-contacts",
            new { mentorId = mentor, contactAt = Scenario.Past, mode = "InPerson", phase = "BeforeRelease", summary = Mentoring });
        var sold = await Given.ListedItemAsync(facility.Id, programme, (inmate, 300));
        await Given.Ok($"/items/{sold}/sale", new
        {
            priceMinor = 1_000_000, currency = "PKR", channel = "Exhibition", buyerReference = "Expo receipt 77", soldAt = Scenario.Past,
        });
        var onSale = await Given.ListedItemAsync(facility.Id, programme, (inmate, 120));
        await Given.Ok($"/inmates/{inmate}/wage-account/credits",
            new { kind = "Wage", amountMinor = 25_000, currency = "PKR", description = "Tailoring wages", creditedAt = Scenario.Past });
        await Given.Ok($"/programmes/{programme}/enrolments/{inmate}/completion", new { completedAt = Scenario.Past });
        await Given.Ok($"/inmates/{inmate}/release", new { releasedAt = Scenario.Past, reason = "Sentence served" });
        await CaughtUpAsync(inmate, onSale);

        var statementBefore = await StatementAsync(inmate);
        (await _api.GetAsync($"/inmates/{inmate}")).Body.ToString().Should().Contain(Name);
        (await _api.GetAsync($"/read-models/inmates/{inmate}/timeline")).Body.ToString().Should().Contain(Health);
        (await _api.GetAsync("/read-models/catalogue")).Body.ToString().Should().Contain(Name);
        var events = await fixture.EventCountAsync();

        var erased = await _api.PostAsync($"/admin/inmates/{inmate}/erasure", new { reason = "Lawful request after the retention period" });

        erased.Status.Should().Be(HttpStatusCode.OK, erased.ToString());
        (await fixture.EventCountAsync()).Should().Be(events);
        (await fixture.Factory.Services.GetRequiredService<ChainVerifier>().VerifyAsync())
            .IsClean.Should().BeTrue();
        (await StatementAsync(inmate)).Should().Be(statementBefore, "amounts and dates stay for auditors");

        var record = await _api.GetAsync($"/inmates/{inmate}");
        record.Body.GetProperty("details").GetProperty("fullName").GetString().Should().Be("[erased]");
        var timeline = (await _api.GetAsync($"/read-models/inmates/{inmate}/timeline")).Body.ToString();
        timeline.Should().Contain("[erased]").And.NotContain(Health).And.NotContain(Mentoring);
        var catalogue = await _api.GetAsync("/read-models/catalogue");
        catalogue.Body.EnumerateArray().Single(i => i.GetProperty("itemId").GetGuid() == onSale)
            .GetProperty("makerNames").EnumerateArray().Select(n => n.GetString()).Should().Equal("[erased]");
        (await _api.GetAsync("/inmates")).Body.ToString().Should().Contain("[erased]").And.NotContain(Name);
        (await _api.GetAsync($"/read-models/dashboard?facilityId={facility.Id}")).Body.ToString().Should().NotContain(Name);

        foreach (var secret in new[] { Name, Cnic, Health, Mentoring })
            (await TablesContainingAsync(secret)).Should().BeEmpty($"no table may still hold '{secret}'");
    }

    [Fact]
    public async Task Erasure_is_refused_before_release_and_without_a_reason_and_only_administrators_may_erase()
    {
        var facility = await Given.FacilityAsync();
        var inmate = await Given.AdmitAsync(facility.Id);
        var auditor = new Api(await TestUsers.ClientForAsync(fixture.Factory, SecondChance.Domain.Access.Role.Auditor));

        var notReleased = await _api.PostAsync($"/admin/inmates/{inmate}/erasure", new { reason = "Request" });
        var noReason = await _api.PostAsync($"/admin/inmates/{inmate}/erasure", new { });
        var unknown = await _api.PostAsync($"/admin/inmates/{Guid.NewGuid()}/erasure", new { reason = "Request" });
        var forbidden = await auditor.PostAsync($"/admin/inmates/{inmate}/erasure", new { reason = "Request" });

        notReleased.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        notReleased.Code.Should().Be("inmate_not_released");
        noReason.Status.Should().Be(HttpStatusCode.BadRequest);
        unknown.Status.Should().Be(HttpStatusCode.NotFound);
        forbidden.Status.Should().Be(HttpStatusCode.Forbidden);
        (await _api.GetAsync($"/inmates/{inmate}")).Body.ToString().Should().Contain(Name);
        (await fixture.ScalarAsync("select count(*) from sc_events.sc_subject_keys where key is null")).Should().Be(0);
    }

    [Fact]
    public async Task Erasure_waits_for_the_configured_retention_period_after_release()
    {
        await using var factory = fixture.Factory.WithWebHostBuilder(b =>
            b.UseSetting("Security:ErasureRetentionYears", "5"));
        var facility = await Given.FacilityAsync();
        var inmate = await Given.AdmitAsync(facility.Id);
        await Given.Ok($"/inmates/{inmate}/release", new { releasedAt = Scenario.Past, reason = "Sentence served" });
        var admin = factory.CreateClient();
        admin.DefaultRequestHeaders.Authorization = _api.Client.DefaultRequestHeaders.Authorization;

        var r = await new Api(admin).PostAsync($"/admin/inmates/{inmate}/erasure", new { reason = "Request" });

        r.Status.Should().Be(HttpStatusCode.UnprocessableEntity, r.ToString());
        r.Code.Should().Be("retention_period_running");
        (await fixture.ScalarAsync("select count(*) from sc_events.sc_subject_keys where key is null")).Should().Be(0);
    }

    private async Task<string> StatementAsync(Guid inmate)
    {
        var r = await _api.GetAsync($"/read-models/wages/inmates/{inmate}/statement");
        r.Status.Should().Be(HttpStatusCode.OK);
        return r.Body.ToString();
    }

    private async Task CaughtUpAsync(Guid inmate, Guid item)
    {
        for (var i = 0; i < 200; i++)
        {
            var statement = await _api.GetAsync($"/read-models/wages/inmates/{inmate}/statement");
            var catalogue = await _api.GetAsync("/read-models/catalogue");
            var timeline = await _api.GetAsync($"/read-models/inmates/{inmate}/timeline");
            if (statement.Body.ValueKind == JsonValueKind.Array && statement.Body.GetArrayLength() >= 2
                && catalogue.Body.ToString().Contains(item.ToString()) && timeline.Body.ToString().Contains("Sentence served"))
                return;
            await Task.Delay(50);
        }
        throw new TimeoutException("The read models never caught up.");
    }

    private async Task<IReadOnlyList<string>> TablesContainingAsync(string text)
    {
        var tables = new List<string>();
        await using (var cmd = fixture.DataSource.CreateCommand(
            "select format('%I.%I', schemaname, tablename) from pg_tables where schemaname not in ('pg_catalog', 'information_schema')"))
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync()) tables.Add(r.GetString(0));
        var hits = new List<string>();
        foreach (var t in tables)
        {
            await using var cmd = fixture.DataSource.CreateCommand($"select count(*) from {t} x where x::text like '%' || $1 || '%'");
            cmd.Parameters.Add(new() { Value = text });
            if (Convert.ToInt64(await cmd.ExecuteScalarAsync()) > 0) hits.Add(t);
        }
        return hits;
    }
}
