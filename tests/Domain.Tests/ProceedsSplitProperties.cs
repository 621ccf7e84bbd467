using FluentAssertions;
using SecondChance.Domain.Facilities;
using SecondChance.Domain.Items;
using SecondChance.Domain.Proceeds;

namespace SecondChance.Domain.Tests;

public class ProceedsSplitProperties
{
    private static ProceedsPolicy RandomPolicy(Random random)
    {
        var inmate = random.Next(0, ProceedsPolicy.Whole + 1);
        var welfare = random.Next(0, ProceedsPolicy.Whole - inmate + 1);
        var savings = random.Next(0, ProceedsPolicy.Whole + 1);
        var family = random.Next(0, ProceedsPolicy.Whole - savings + 1);
        return new ProceedsPolicy(new DateOnly(2026, 1, 1), inmate, welfare, ProceedsPolicy.Whole - inmate - welfare, savings, family);
    }

    private static long RandomPrice(Random random) => random.Next(4) switch
    {
        0 => random.Next(1, 100),
        1 => random.Next(1, 10_000_000),
        2 => random.NextInt64(1, 1_000_000_000_000),
        _ => random.NextInt64(1, long.MaxValue / 2),
    };

    private static MakerWork[] RandomMakers(Random random) =>
        Enumerable.Range(0, random.Next(1, 8))
            .Select(_ => new MakerWork(new Guid(random.Next(), (short)random.Next(), (short)random.Next(), new byte[8]), random.Next(1, 5_000)))
            .ToArray();

    [Fact]
    public void Sale_proceeds_parts_always_add_up_to_the_price_and_none_is_negative()
    {
        var random = new Random(20260301);
        for (var run = 0; run < 5_000; run++)
        {
            var price = RandomPrice(random);
            var policy = RandomPolicy(random);
            var makers = RandomMakers(random);

            var split = ProceedsSplitter.SplitSale(price, policy, makers);

            (split.InmateShare + split.WelfareFund + split.MaterialsRecovery).Should().Be(price);
            new[] { split.InmateShare, split.WelfareFund, split.MaterialsRecovery }.Should().OnlyContain(p => p >= 0);
            split.Makers.Sum(m => m.Share).Should().Be(split.InmateShare);
            foreach (var maker in split.Makers)
            {
                maker.Share.Should().BeGreaterThanOrEqualTo(0);
                new[] { maker.Credit.Spendable, maker.Credit.Savings, maker.Credit.Family }.Should().OnlyContain(p => p >= 0);
                maker.Credit.Total.Should().Be(maker.Share);
            }
            ProceedsSplitter.SplitSale(price, policy, makers.Reverse().ToArray()).Should().BeEquivalentTo(split, o => o.ComparingRecordsByMembers());
        }
    }

    [Fact]
    public void Spendable_savings_and_family_parts_always_add_up_to_the_credit()
    {
        var random = new Random(103);
        for (var run = 0; run < 10_000; run++)
        {
            var amount = RandomPrice(random);
            var policy = RandomPolicy(random);
            var credit = ProceedsSplitter.SplitCredit(amount, policy);
            credit.Total.Should().Be(amount);
            new[] { credit.Spendable, credit.Savings, credit.Family }.Should().OnlyContain(p => p >= 0);
            ProceedsSplitter.SplitCredit(amount, policy).Should().Be(credit);
        }
    }

    [Fact]
    public void Each_part_is_within_one_unit_of_its_exact_proportion()
    {
        var random = new Random(7);
        for (var run = 0; run < 5_000; run++)
        {
            var total = random.NextInt64(0, 10_000_000_000);
            var weights = Enumerable.Range(0, random.Next(1, 10)).Select(_ => (long)random.Next(0, 10_000)).ToArray();
            if (weights.Sum() == 0) weights[0] = 1;
            var parts = Apportionment.LargestRemainder(total, weights);
            parts.Sum().Should().Be(total);
            for (var i = 0; i < parts.Length; i++)
            {
                var exact = (decimal)total * weights[i] / weights.Sum();
                ((decimal)parts[i] - exact).Should().BeInRange(-1m, 1m);
            }
        }
    }

    [Fact]
    public void Equal_remainders_go_to_the_earlier_part_so_splits_are_deterministic() =>
        Apportionment.LargestRemainder(100, [1, 1, 1]).Should().Equal(34, 33, 33);

    [Fact]
    public void Co_makers_share_by_their_hours()
    {
        var a = new Guid("00000000-0000-0000-0000-000000000001");
        var b = new Guid("00000000-0000-0000-0000-000000000002");
        var policy = new ProceedsPolicy(new DateOnly(2026, 1, 1), 10_000, 0, 0, 0, 0);
        var split = ProceedsSplitter.SplitSale(1_000, policy, [new MakerWork(b, 60), new MakerWork(a, 180)]);
        split.Makers.Select(m => (m.InmateId, m.Share)).Should().Equal((a, 750L), (b, 250L));
    }
}
