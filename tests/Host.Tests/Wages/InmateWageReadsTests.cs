using System.Net;
using FluentAssertions;
using SecondChance.Host.Tests.Support;
using Xunit;

namespace SecondChance.Host.Tests.Wages;

/// <summary>Wage reads about one inmate: 404 for an inmate the record does not hold, an answer about the inmate otherwise.</summary>
public sealed class InmateWageReadsTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private readonly Api _api = fixture.CreateApi();
    private Scenario Given => new(_api);

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("/audit/wages/inmates/{0}/balances")]
    [InlineData("/audit/wages/inmates/{0}/statement")]
    [InlineData("/read-models/wages/inmates/{0}/statement")]
    [InlineData("/inmates/{0}/wage-account")]
    public async Task A_wage_read_of_an_inmate_that_does_not_exist_is_404_saying_so(string path)
    {
        var nobody = Guid.NewGuid();

        var r = await _api.GetAsync(string.Format(path, nobody));

        r.Status.Should().Be(HttpStatusCode.NotFound);
        r.Body.GetProperty("detail").GetString().Should().Be($"No inmate has id {nobody}.");
    }

    [Theory]
    [InlineData("/audit/wages/inmates/{0}/balances")]
    [InlineData("/audit/wages/inmates/{0}/statement")]
    [InlineData("/read-models/wages/inmates/{0}/statement")]
    public async Task A_wage_read_of_an_admitted_inmate_with_no_postings_is_200(string path)
    {
        var inmate = await Given.AdmitAsync((await Given.FacilityAsync()).Id);

        (await _api.GetAsync(string.Format(path, inmate))).Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Balances_known_at_an_instant_before_the_inmate_was_recorded_are_200_with_zeros_as_the_record_then_stood()
    {
        var inmate = await Given.AdmitAsync((await Given.FacilityAsync()).Id);

        var r = await _api.GetAsync($"/audit/wages/inmates/{inmate}/balances?knownAt=2000-01-01T00:00:00Z");

        r.Status.Should().Be(HttpStatusCode.OK, r.ToString());
        r.Body.GetProperty("inmateId").GetGuid().Should().Be(inmate);
    }

    [Fact]
    public async Task Balances_as_of_a_date_before_the_admission_are_200_with_zeros_for_that_inmate()
    {
        var inmate = await Given.AdmitAsync((await Given.FacilityAsync()).Id);

        var r = await _api.GetAsync($"/audit/wages/inmates/{inmate}/balances?asOf=2000-01-01");

        r.Status.Should().Be(HttpStatusCode.OK);
        r.Body.GetProperty("inmateId").GetGuid().Should().Be(inmate);
        r.Body.GetProperty("totalMinor").GetInt64().Should().Be(0);
    }

    [Fact]
    public async Task The_wage_account_of_an_inmate_with_no_postings_carries_that_inmates_id()
    {
        var inmate = await Given.AdmitAsync((await Given.FacilityAsync()).Id);

        var account = await _api.GetAsync($"/inmates/{inmate}/wage-account");

        account.Status.Should().Be(HttpStatusCode.OK);
        account.Body.GetProperty("id").GetGuid().Should().Be(inmate);
        account.Body.GetProperty("state").GetProperty("inmateId").GetGuid().Should().Be(inmate);
    }
}
