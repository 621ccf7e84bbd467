using SecondChance.Projections.Tests.OnMarten;
using SecondChance.Domain;
using SecondChance.Domain.Facilities;
using SecondChance.Domain.Inmates;
using SecondChance.Domain.Programmes;
using SecondChance.Domain.Wages;
using SecondChance.Projections.ReadModels.Dashboard;

namespace SecondChance.Projections.Tests;

[Collection("projections")]
public sealed class ReadModelTests(ProjectionsDatabase db) : IClassFixture<ProjectionsDatabase>
{
    private sealed record Scenario(World World, Guid Facility, Guid Programme, Guid Amina, Guid Bilal, Guid Item);

    private async Task<Scenario> RecordJourneyAsync()
    {
        var w = new World(db.Log);
        var facility = await w.RegisterFacilityAsync("Central Jail Karachi");
        var amina = await w.AdmitAsync(facility, Sex.Female, "Amina Bibi", consent: true);
        var bilal = await w.AdmitAsync(facility, Sex.Male, "Bilal Ahmed", consent: false);
        var programme = await w.OpenProgrammeAsync(facility, Craft.Embroidery);
        (await w.EnrolAsync(amina, programme)).Should().BeTrue();
        (await w.EnrolAsync(bilal, programme)).Should().BeTrue();
        (await w.CertifyAsync(amina, programme)).Should().BeTrue();
        (await w.CompleteAsync(amina, programme)).Should().BeTrue();
        var item = await w.ProduceAsync(facility, programme, amina, bilal);
        (await w.ListAsync(item, 1_000_000)).Should().BeTrue();
        (await w.CreditWageAsync(amina, 100_000)).Should().BeTrue();
        (await w.DeductAsync(amina, 10_000)).Should().BeTrue();
        var mentor = Guid.NewGuid();
        await w.RecordAsync(StreamIds.Inmate(amina), new MentorAssigned(amina, mentor, w.Tick()),
            new MentoringContactRecorded(amina, Guid.NewGuid(), mentor, w.Tick(), ContactMode.InPerson, ReleasePhase.BeforeRelease, "CV prepared"),
            new SegregationStarted(amina, "protection", "Superintendent", w.Tick()), new SegregationEnded(amina, "risk over", "Superintendent", w.Tick(TimeSpan.FromHours(30))));
        (await w.PlanReleaseAsync(amina, DateOnly.FromDateTime(w.Now.UtcDateTime).AddDays(20))).Should().BeTrue();
        return new Scenario(w, facility, programme, amina, bilal, item);
    }

    [Fact]
    public async Task Timeline_lists_everything_recorded_about_one_inmate_in_order_with_actor_and_time()
    {
        await db.ResetAllAsync();
        await using var m = await MartenHarness.CreateAsync(db);
        var s = await RecordJourneyAsync();
        await m.StartDaemonAsync();
        await m.WaitCaughtUpAsync();

        var timeline = await db.Queries.Timeline.ForInmateAsync(s.Amina);
        timeline.Select(t => t.EventType).Should().ContainInOrder("inmate_admitted.v1", "inmate_enrolled.v1", "skill_certified.v1",
            "inmate_completed_programme.v1", "item_produced.v1", "wage_credited.v1", "deduction_posted.v1", "mentor_assigned.v1", "release_planned.v1");
        timeline.Select(t => t.Position).Should().BeInAscendingOrder();
        timeline.Should().OnlyContain(t => t.Actor == "officer.khan");
        timeline[0].Summary.Should().Contain("Admitted as");
        (await db.Queries.Timeline.ForInmateAsync(s.Bilal)).Should().NotContain(t => t.EventType == "wage_credited.v1");
    }

    [Fact]
    public async Task Dashboard_counts_inmates_programme_figures_for_women_separately_and_release_readiness()
    {
        await db.ResetAllAsync();
        await using var m = await MartenHarness.CreateAsync(db);
        var s = await RecordJourneyAsync();
        await m.StartDaemonAsync();
        await m.WaitCaughtUpAsync();

        var today = DateOnly.FromDateTime(s.World.Now.UtcDateTime);
        var view = await db.Queries.Dashboard.GetAsync(s.Facility, today.AddMonths(-1), today.AddMonths(1), today);
        view.Inmates.Should().BeEquivalentTo([new StatusCount(false, "admitted", 1), new StatusCount(true, "admitted", 1)]);
        view.Monthly.Where(m => m.Metric == "enrolled").Sum(m => m.Count).Should().Be(2);
        view.Monthly.Where(m => m.Metric == "enrolled" && m.Female).Sum(m => m.Count).Should().Be(1);
        view.Monthly.Single(m => m.Metric == "certified").Should().Match<MonthlyFigure>(m => m.Female && m.Craft == "Embroidery");
        view.Monthly.Single(m => m.Metric == "listed").AmountMinor.Should().Be(1_000_000);
        view.Monthly.Where(m => m.Metric == "earnings").Sum(m => m.AmountMinor).Should().Be(100_000);
        var due = view.ReleasesDue.Should().ContainSingle().Subject;
        due.InmateId.Should().Be(s.Amina);
        due.DueWithin30Days.Should().BeTrue();
        due.SkillCertified.Should().BeTrue();
        due.MentorAssigned.Should().BeTrue();
        due.MentoringContactsLast30Days.Should().Be(1);
        due.SavingsMinor.Should().Be(s.World.Accounts[s.Amina].Savings);
        (await db.Queries.Dashboard.GetAsync(null, today, today, today)).Inmates.Sum(c => c.Inmates).Should().Be(2);
    }

    [Fact]
    public async Task Dashboard_earnings_are_net_of_reversed_credits_and_reversed_deductions_change_nothing()
    {
        await db.ResetAllAsync();
        await using var m = await MartenHarness.CreateAsync(db);
        var s = await RecordJourneyAsync();
        (await s.World.CreditWageAsync(s.Amina, 30_000)).Should().BeTrue();
        var postings = s.World.Accounts[s.Amina].Postings;
        var credit = postings.Single(p => p.Value.Spendable + p.Value.Savings + p.Value.Family == 30_000).Key;
        var deduction = postings.Single(p => p.Value.Spendable == -10_000).Key;
        (await s.World.ReverseAsync(s.Amina, credit)).Should().BeTrue();
        (await s.World.ReverseAsync(s.Amina, deduction)).Should().BeTrue();
        await m.StartDaemonAsync();
        await m.WaitCaughtUpAsync();

        var today = DateOnly.FromDateTime(s.World.Now.UtcDateTime);
        var earnings = (await db.Queries.Dashboard.GetAsync(s.Facility, today.AddMonths(-1), today.AddMonths(1), today))
            .Monthly.Where(m => m.Metric == "earnings").ToList();
        earnings.Sum(m => m.AmountMinor).Should().Be(100_000);
        earnings.Sum(m => m.Count).Should().Be(1, "two credits, one of them reversed");
    }

    [Fact]
    public async Task Monthly_figures_count_in_the_month_of_the_facilitys_local_date_not_of_utc()
    {
        await db.ResetAllAsync();
        await using var m = await MartenHarness.CreateAsync(db);
        var s = await RecordJourneyAsync();
        s.World.Tick(TimeSpan.FromDays(40));
        var lastEveningOfMarchUtc = new DateTimeOffset(2026, 3, 31, 20, 30, 0, TimeSpan.Zero); // 01:30 on 1 April in Karachi
        (await s.World.CreditWageAtAsync(s.Amina, 7_000, lastEveningOfMarchUtc)).Should().BeTrue();
        await m.StartDaemonAsync();
        await m.WaitCaughtUpAsync();

        var april = new DateOnly(2026, 4, 1);
        (await db.Queries.Dashboard.GetAsync(s.Facility, april, april, april)).Monthly
            .Where(m => m.Metric == "earnings").Sum(m => m.AmountMinor).Should().Be(7_000);
        (await db.Queries.Wages.TotalsAsync(s.Facility, april, april)).Where(t => t.Source == "wage")
            .Sum(t => t.AmountMinor).Should().Be(7_000);
        (await db.Queries.Wages.TotalsAsync(s.Facility, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 1))).Where(t => t.Source == "wage")
            .Sum(t => t.AmountMinor).Should().Be(100_000, "the journey's own credit, in March");
    }

    [Fact]
    public async Task Wage_statement_shows_sources_and_running_balances_and_a_sale_shows_its_split()
    {
        await db.ResetAllAsync();
        await using var m = await MartenHarness.CreateAsync(db);
        var s = await RecordJourneyAsync();
        (await s.World.SellAsync(s.Item, 1_000_000)).Should().BeTrue();
        var account = s.World.Accounts[s.Amina];
        await m.StartDaemonAsync();
        await m.WaitCaughtUpAsync();

        var statement = await db.Queries.Wages.StatementAsync(s.Amina);
        statement.Select(l => l.Source).Should().Equal("wage", "deduction", "sale");
        statement[^1].SpendableBalance.Should().Be(account.Spendable);
        statement[^1].SavingsBalance.Should().Be(account.Savings);
        statement[^1].FamilyBalance.Should().Be(account.Family);
        var sale = (await db.Queries.Wages.SalesAsync(s.Facility, DateTimeOffset.MinValue.AddYears(1), DateTimeOffset.MaxValue.AddYears(-1)))
            .Should().ContainSingle().Subject;
        (sale.InmateShareMinor + sale.WelfareFundMinor + sale.MaterialsRecoveryMinor).Should().Be(1_000_000);
        var trial = await db.Queries.Wages.TrialBalanceAsync(s.Facility);
        trial.Balanced.Should().BeTrue();
        trial.Lines.Single(l => l.Account == "welfare_fund").CreditMinor.Should().Be(sale.WelfareFundMinor);
        (await db.Queries.Wages.TotalsAsync(s.Facility, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 1)))
            .Should().Contain(t => t.Source == "wage" && t.AmountMinor == 100_000);
    }

    [Fact]
    public async Task Compliance_timeline_holds_closed_segregation_spells_and_screening_by_facility()
    {
        await db.ResetAllAsync();
        await using var m = await MartenHarness.CreateAsync(db);
        var s = await RecordJourneyAsync();
        await m.StartDaemonAsync();
        await m.WaitCaughtUpAsync();

        var facts = await db.Queries.Compliance.ForInmateAsync(s.Amina);
        var spell = facts.Should().ContainSingle(f => f.Kind == "segregation").Subject;
        spell.EndsAt.Should().NotBeNull();
        (spell.EndsAt!.Value - spell.StartsAt).Should().Be(TimeSpan.FromHours(30));
        facts.Should().Contain(f => f.Kind == "mentoring_contact").And.Contain(f => f.Kind == "savings_posting" && f.AmountMinor > 0);
        var atFacility = await db.Queries.Compliance.ForFacilityAsync(s.Facility, s.World.Now.AddYears(-1), s.World.Now.AddDays(1), "segregation");
        atFacility.Should().ContainSingle().Which.PrisonerNumber.Should().NotBeEmpty();
    }

    [Fact]
    public async Task Housing_starts_when_the_inmate_moved_in_and_no_spell_ends_before_it_starts()
    {
        await db.ResetAllAsync();
        await using var m = await MartenHarness.CreateAsync(db);
        var w = new World(db.Log);
        var facility = await w.RegisterFacilityAsync("Central Jail Karachi");
        var inmate = await w.AdmitAsync(facility, Sex.Male);
        var movedIn = w.Tick(TimeSpan.FromDays(2));
        // a release dated before the housing, as records made before the rules refused it may hold
        await w.RecordAsync(StreamIds.Inmate(inmate), new InmateHoused(inmate, facility, Guid.NewGuid(), WardCategory.AdultMale, null, movedIn),
            new InmateReleased(inmate, facility, movedIn.AddDays(-1), "Bail granted"));
        await m.StartDaemonAsync();
        await m.WaitCaughtUpAsync();

        var housing = (await db.Queries.Compliance.ForInmateAsync(inmate)).Should().ContainSingle(f => f.Kind == "housing").Subject;
        housing.StartsAt.Should().Be(movedIn);
        housing.EndsAt.Should().Be(movedIn);
        (await db.Queries.Timeline.ForInmateAsync(inmate)).Single(t => t.EventType == "inmate_housed.v1").OccurredAt.Should().Be(movedIn);
    }

    [Fact]
    public async Task Catalogue_lists_available_items_naming_only_makers_who_consent()
    {
        await db.ResetAllAsync();
        await using var m = await MartenHarness.CreateAsync(db);
        var s = await RecordJourneyAsync();
        await m.StartDaemonAsync();
        await m.WaitCaughtUpAsync();
        var item = (await db.Queries.Catalogue.AvailableAsync()).Should().ContainSingle().Subject;
        item.MakerNames.Should().Equal("Amina Bibi");
        item.Facility.Should().Be("Central Jail Karachi");
        item.Programme.Should().Be("Embroidery I");
        item.PriceMinor.Should().Be(1_000_000);

        await s.World.RecordAsync(StreamIds.Inmate(s.Amina), new AttributionConsentWithdrawn(s.Amina, s.World.Tick()));
        await m.WaitCaughtUpAsync();
        (await db.Queries.Catalogue.AvailableAsync()).Single().MakerNames.Should().BeEmpty();

        (await s.World.SellAsync(s.Item, 1_000_000)).Should().BeTrue();
        await m.WaitCaughtUpAsync();
        (await db.Queries.Catalogue.AvailableAsync()).Should().BeEmpty();
    }
}
