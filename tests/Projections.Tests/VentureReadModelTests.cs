using SecondChance.Domain;
using SecondChance.Domain.Inmates;
using SecondChance.Domain.Ventures;
using SecondChance.Projections.Tests.OnMarten;

namespace SecondChance.Projections.Tests;

[Collection("projections")]
public sealed class VentureReadModelTests(ProjectionsDatabase db) : IClassFixture<ProjectionsDatabase>
{
    [Fact]
    public async Task A_venture_shows_on_every_founders_timeline_even_when_its_steps_come_in_a_later_batch()
    {
        await db.ResetAllAsync();
        await using var m = await MartenHarness.CreateAsync(db);
        var w = new World(db.Log);
        var facility = await w.RegisterFacilityAsync("Central Jail Peshawar");
        var (amina, bilal, other) = (await w.AdmitAsync(facility, Sex.Female, "Amina Bibi"), await w.AdmitAsync(facility, Sex.Male, "Bilal Ahmed"),
            await w.AdmitAsync(facility, Sex.Male, "Other"));
        var venture = Guid.NewGuid();
        await w.RecordAsync(StreamIds.Venture(venture), new VentureProposed(venture, facility, "Khyber Code Works", VentureKind.IT, "Web sites for shops",
            [new VentureFounder(amina, "IT-1"), new VentureFounder(bilal, "IT-2")], "Khyber Welfare Society", null, w.Tick()));
        await m.StartDaemonAsync();
        await m.WaitCaughtUpAsync();

        await w.RecordAsync(StreamIds.Venture(venture), new VentureApproved(venture, "Superintendent", w.Tick()),
            new SeedGrantAwarded(venture, facility, Guid.NewGuid(), 5_000_000, "PKR", w.Tick()),
            new VentureMilestoneReached(venture, VentureMilestone.FirstSale, w.Tick()));
        await m.WaitCaughtUpAsync();

        foreach (var founder in new[] { amina, bilal })
        {
            var lines = (await db.Queries.Timeline.ForInmateAsync(founder)).Where(t => t.StreamId == StreamIds.Venture(venture)).ToList();
            lines.Select(t => t.EventType).Should().Equal("venture_proposed.v1", "venture_approved.v1", "seed_grant_awarded.v1", "venture_milestone_reached.v1");
            lines[2].Summary.Should().Be("Venture Khyber Code Works awarded a seed grant of PKR 50,000.00");
            lines[3].Summary.Should().Be("Venture Khyber Code Works reached a milestone: first sale");
        }
        (await db.Queries.Timeline.ForInmateAsync(other)).Should().NotContain(t => t.StreamId == StreamIds.Venture(venture));
    }

    [Fact]
    public async Task Dashboard_counts_ventures_by_stage_and_facility_and_the_funds_money_out_and_back()
    {
        await db.ResetAllAsync();
        await using var m = await MartenHarness.CreateAsync(db);
        var w = new World(db.Log);
        var peshawar = await w.RegisterFacilityAsync("Central Jail Peshawar");
        var karachi = await w.RegisterFacilityAsync("Central Jail Karachi");
        var founder = await w.AdmitAsync(peshawar, Sex.Male);
        async Task<Guid> ProposeAsync(Guid facility, VentureKind kind)
        {
            var id = Guid.NewGuid();
            await w.RecordAsync(StreamIds.Venture(id), new VentureProposed(id, facility, "V", kind, "Plan", [new VentureFounder(founder, "C")], "Org", null, w.Tick()));
            return id;
        }
        var funded = await ProposeAsync(peshawar, VentureKind.IT);
        var declined = await ProposeAsync(peshawar, VentureKind.Craft);
        await ProposeAsync(karachi, VentureKind.Craft);
        var (grant, back) = (Guid.NewGuid(), Guid.NewGuid());
        await w.RecordAsync(StreamIds.VentureFund(peshawar), new VentureFundCredited(peshawar, Guid.NewGuid(), 8_000_000, "PKR", "Allocation", w.Tick()),
            new SeedGrantPaidOut(peshawar, grant, funded, 5_000_000, "PKR", w.Tick()),
            new VentureRepaymentReceived(peshawar, back, funded, RepaymentKind.Repayment, 1_200_000, "PKR", w.Tick()));
        await w.RecordAsync(StreamIds.Venture(funded), new VentureApproved(funded, "S", w.Tick()), new SeedGrantAwarded(funded, peshawar, grant, 5_000_000, "PKR", w.Now),
            new VentureMilestoneReached(funded, VentureMilestone.Registered, w.Tick()), new VentureRepaid(funded, peshawar, back, RepaymentKind.Repayment, 1_200_000, "PKR", w.Now));
        await w.RecordAsync(StreamIds.Venture(declined), new VentureDeclined(declined, "No market", "S", w.Tick()));
        await m.StartDaemonAsync();
        await m.WaitCaughtUpAsync();

        var today = DateOnly.FromDateTime(w.Now.UtcDateTime);
        var view = await db.Queries.Dashboard.GetAsync(peshawar, today.AddMonths(-1), today, today);
        view.Ventures.Should().BeEquivalentTo([
            new Projections.ReadModels.Dashboard.VentureStageCount(peshawar, "Declined", "Craft", 1, 0, 0, 0, 0, 0),
            new Projections.ReadModels.Dashboard.VentureStageCount(peshawar, "Funded", "IT", 1, 1, 0, 0, 5_000_000, 1_200_000),
        ]);
        view.Monthly.Single(f => f.Metric == "venture_grant").AmountMinor.Should().Be(5_000_000);
        view.Monthly.Single(f => f.Metric == "venture_returned").AmountMinor.Should().Be(1_200_000);
        view.Monthly.Single(f => f.Metric == "venture_fund_credited").AmountMinor.Should().Be(8_000_000);
        (await db.Queries.Dashboard.GetAsync(null, today, today, today)).Ventures.Sum(v => v.Ventures).Should().Be(3);
        (await db.Queries.Dashboard.GetAsync(null, today, today, today, within: [karachi])).Ventures.Should().ContainSingle()
            .Which.Stage.Should().Be("Proposed");
    }
}
