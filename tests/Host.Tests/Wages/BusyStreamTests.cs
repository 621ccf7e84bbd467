using System.Net;
using System.Text.Json;
using FluentAssertions;
using SecondChance.Host.Tests.Support;
using Xunit;

namespace SecondChance.Host.Tests.Wages;

/// <summary>Many clients write one wage account at once without If-Match: none of them pinned a version, so none is refused.</summary>
public sealed class BusyStreamTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private const int Clients = 16;
    private const int CreditsPerClient = 10;

    private readonly Api _api = fixture.CreateApi();

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static long Amount(int client, int credit) => 1_000 + client * CreditsPerClient + credit;

    private static long ExpectedTotal =>
        Enumerable.Range(0, Clients).Sum(c => Enumerable.Range(0, CreditsPerClient).Sum(i => Amount(c, i)));

    private static object Credit(Guid postingId, int client, int credit) => new
    {
        postingId, kind = "Wage", amountMinor = Amount(client, credit), currency = "PKR",
        description = $"Client {client}, credit {credit}", creditedAt = Scenario.Past,
    };

    private async Task<Guid> InmateAsync()
    {
        var scenario = new Scenario(_api);
        return await scenario.AdmitAsync((await scenario.FacilityAsync()).Id);
    }

    [Fact]
    public async Task Sixteen_clients_crediting_one_wage_account_without_If_Match_are_all_acknowledged_and_each_credit_counts_once()
    {
        var inmate = await InmateAsync();
        var postings = new List<Guid>();

        var answers = await Task.WhenAll(Enumerable.Range(0, Clients).Select(async c =>
        {
            var client = fixture.CreateApi();
            var mine = new List<ApiResponse>();
            for (var i = 0; i < CreditsPerClient; i++)
            {
                var postingId = Guid.NewGuid();
                lock (postings) postings.Add(postingId);
                mine.Add(await client.PostAsync($"/inmates/{inmate}/wage-account/credits", Credit(postingId, c, i)));
            }
            return mine;
        }));

        var all = answers.SelectMany(a => a).ToList();
        all.Where(r => !r.Message.IsSuccessStatusCode).Select(r => $"{(int)r.Status} {r.Code}").Should().BeEmpty();
        all.Select(r => r.Id).Should().BeEquivalentTo(postings);
        await AccountHoldsExactlyAsync(inmate, postings);
    }

    [Fact]
    public async Task Sixteen_clients_each_sending_every_credit_twice_under_one_Idempotency_Key_get_one_credit_and_one_replay_per_key()
    {
        var inmate = await InmateAsync();
        var postings = new List<Guid>();

        var pairs = await Task.WhenAll(Enumerable.Range(0, Clients).Select(async c =>
        {
            var client = fixture.CreateApi();
            var mine = new List<ApiResponse[]>();
            for (var i = 0; i < CreditsPerClient; i++)
            {
                var postingId = Guid.NewGuid();
                lock (postings) postings.Add(postingId);
                var key = Api.IdempotencyKey($"busy-{c}-{i}-{Guid.NewGuid():N}");
                var path = $"/inmates/{inmate}/wage-account/credits";
                // the retry is sent before the first answer arrives, as a client that timed out would
                mine.Add(await Task.WhenAll(client.PostAsync(path, Credit(postingId, c, i), key), client.PostAsync(path, Credit(postingId, c, i), key)));
            }
            return mine;
        }));

        var all = pairs.SelectMany(p => p).ToList();
        all.SelectMany(p => p).Where(r => !r.Message.IsSuccessStatusCode).Select(r => $"{(int)r.Status} {r.Code}").Should().BeEmpty();
        all.Should().OnlyContain(p => p[0].Body.ToString() == p[1].Body.ToString(), "a replay answers exactly what the first request was answered");
        all.Should().OnlyContain(p => p.Count(r => r.Header("Idempotent-Replayed") == "true") == 1, "one of each pair ran and the other was replayed");
        all.Select(p => p[0].Id).Should().BeEquivalentTo(postings);
        await AccountHoldsExactlyAsync(inmate, postings);
    }

    private async Task AccountHoldsExactlyAsync(Guid inmate, IReadOnlyList<Guid> postings)
    {
        var expected = postings.Count;
        var stream = $"wage-account-{inmate:N}";
        (await fixture.ScalarAsync($"select count(*) from sc_events.mt_events where stream_id = '{stream}' and type = 'wage_credited.v1'"))
            .Should().Be(expected);
        (await fixture.ScalarAsync($"select count(distinct data->>'postingId') from sc_events.mt_events where stream_id = '{stream}' and type = 'wage_credited.v1'"))
            .Should().Be(expected, "no credit was written twice");
        (await fixture.ScalarAsync($"select sum((data->>'amountMinor')::bigint) from sc_events.mt_events where stream_id = '{stream}'"))
            .Should().Be(ExpectedTotal);

        var account = await _api.GetAsync($"/inmates/{inmate}/wage-account");
        account.ETag.Should().Be($"\"{expected}\"");
        var state = account.Body.GetProperty("state");
        (state.GetProperty("spendable").GetInt64() + state.GetProperty("savings").GetInt64() + state.GetProperty("family").GetInt64())
            .Should().Be(ExpectedTotal);

        await fixture.ProjectionsCaughtUpAsync();
        var statement = await _api.GetAsync($"/read-models/wages/inmates/{inmate}/statement");
        statement.Status.Should().Be(HttpStatusCode.OK, statement.ToString());
        var lines = statement.Body.EnumerateArray().ToList();
        lines.Select(l => l.GetProperty("postingId").GetGuid()).Should().BeEquivalentTo(postings);
        var last = lines[^1];
        (Balance(last, "spendableBalance") + Balance(last, "savingsBalance") + Balance(last, "familyBalance")).Should().Be(ExpectedTotal);
    }

    private static long Balance(JsonElement line, string name) => line.GetProperty(name).GetInt64();
}
