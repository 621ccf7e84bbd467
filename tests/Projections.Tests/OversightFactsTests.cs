using SecondChance.Projections.Tests.OnMarten;
using SecondChance.Domain;
using SecondChance.Domain.Compliance;
using SecondChance.Domain.Facilities;
using SecondChance.Domain.Inmates;

namespace SecondChance.Projections.Tests;

[Collection("projections")]
public sealed class OversightFactsTests(ProjectionsDatabase db) : IClassFixture<ProjectionsDatabase>
{
    [Fact]
    public async Task Findings_from_the_oversight_read_model_equal_findings_folded_from_the_event_log()
    {
        await db.ResetAllAsync();
        await using var m = await MartenHarness.CreateAsync(db);
        var w = new World(db.Log);
        var facility = await w.RegisterFacilityAsync("Central Jail Karachi");
        var amina = await w.AdmitAsync(facility, Sex.Female, "Amina Bibi", consent: true);
        var bilal = await w.AdmitAsync(facility, Sex.Male, "Bilal Ahmed", consent: false);
        await w.RecordAsync(StreamIds.Inmate(bilal),
            new SegregationStarted(bilal, "violence", "Superintendent", w.Tick()),
            new SegregationEnded(bilal, "review", "Superintendent", w.Tick(TimeSpan.FromDays(20))));
        (await w.CreditWageAsync(amina, 100_000)).Should().BeTrue();
        await m.StartDaemonAsync();
        await m.WaitCaughtUpAsync();

        var facilities = await db.Queries.Oversight.FacilitiesAsync(default);
        var fromReadModel = await db.Queries.Oversight.FacilityAsync(facility, default);

        var fromLog = new List<InmateComplianceFacts>();
        foreach (var inmate in new[] { amina, bilal })
        {
            var events = (await db.Log.ReadStreamAsync(StreamIds.Inmate(inmate)))
                .Concat(await db.Log.ReadStreamAsync(StreamIds.WageAccount(inmate))).OrderBy(e => e.Cursor);
            fromLog.Add(events.Aggregate(InmateComplianceFacts.Initial,
                (f, e) => InmateComplianceFacts.Evolve(f, new RecordedEvent(e.StreamId, e.Version, e.Timestamp, e.Data))));
        }
        var (karachi, _) = await db.Log.AggregateAsync(StreamIds.Facility(facility), FacilityState.Initial, FacilityState.Evolve);
        facilities[facility].Should().BeEquivalentTo(karachi);

        var at = w.Now.AddDays(60);
        IEnumerable<ComplianceFinding> Evaluate(IEnumerable<InmateComplianceFacts> facts) =>
            facts.SelectMany(f => ComplianceRules.Evaluate(f, id => facilities.GetValueOrDefault(id), at)).OrderBy(f => f.InmateId).ThenBy(f => f.RuleCode);
        var live = Evaluate(fromReadModel).ToList();
        live.Select(f => f.RuleCode).Should().Contain("prolonged_segregation");
        live.Should().BeEquivalentTo(Evaluate(fromLog), o => o.WithStrictOrdering());
    }
}
