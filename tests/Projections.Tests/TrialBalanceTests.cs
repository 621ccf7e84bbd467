using SecondChance.Projections.Tests.OnMarten;
using SecondChance.Projections.ReadModels.Wages;

namespace SecondChance.Projections.Tests;

[Collection("projections")]
public sealed class TrialBalanceTests(ProjectionsDatabase db) : IClassFixture<ProjectionsDatabase>
{
    [Fact]
    public async Task Trial_balance_holds_and_statements_match_the_domain_after_thousands_of_random_commands()
    {
        await db.ResetAllAsync();
        await using var m = await MartenHarness.CreateAsync(db);
        var world = new World(db.Log);
        await m.StartDaemonAsync();
        await Workload.RunAsync(world, 4000, seed: 2026, facilities: 3);
        await m.WaitCaughtUpAsync();
        world.Accounts.Values.Sum(a => a.Postings.Count).Should().BeGreaterThan(500);

        var overall = await db.Queries.Wages.TrialBalanceAsync(null);
        overall.Balanced.Should().BeTrue();
        overall.TotalDebitMinor.Should().BeGreaterThan(0);
        foreach (var facility in world.Facilities.Keys)
            (await db.Queries.Wages.TrialBalanceAsync(facility)).Balanced.Should().BeTrue();

        long Net(string account) => overall.Lines.Where(l => l.Account == account).Sum(l => l.CreditMinor - l.DebitMinor);
        Net(WageAccounts.InmateSpendable).Should().Be(world.Accounts.Values.Sum(a => a.Spendable));
        Net(WageAccounts.InmateSavings).Should().Be(world.Accounts.Values.Sum(a => a.Savings));
        Net(WageAccounts.InmateFamily).Should().Be(world.Accounts.Values.Sum(a => a.Family));
        Net(WageAccounts.InmateSharePayable).Should().BeGreaterThanOrEqualTo(0, "a share is credited at most once; a reversed share is owed again");

        foreach (var (inmate, account) in world.Accounts.Take(40))
        {
            var statement = await db.Queries.Wages.StatementAsync(inmate);
            statement.Should().HaveCount(account.Postings.Count);
            (statement[^1].SpendableBalance, statement[^1].SavingsBalance, statement[^1].FamilyBalance)
                .Should().Be((account.Spendable, account.Savings, account.Family));
            statement.Should().OnlyContain(l => l.SpendableBalance >= 0 && l.SavingsBalance >= 0 && l.FamilyBalance >= 0);
        }
    }
}
