using SecondChance.Domain.Facilities;
using SecondChance.Domain.Items;

namespace SecondChance.Domain.Proceeds;

public static class ProceedsSplitter
{
    /// <summary>Splits a credit by the policy's rates; savings are held for release (Nelson Mandela Rule 103).</summary>
    public static CreditSplit SplitCredit(long amount, ProceedsPolicy policy)
    {
        var parts = Apportionment.LargestRemainder(amount,
            [policy.SpendableRateBasisPoints, policy.SavingsRateBasisPoints, policy.FamilyRemittanceRateBasisPoints]);
        return new CreditSplit(parts[0], parts[1], parts[2]);
    }

    /// <summary>Makers are ordered by inmate id, so the split does not depend on the order they were listed in.</summary>
    public static SaleSplit SplitSale(long price, ProceedsPolicy policy, IReadOnlyList<MakerWork> makers)
    {
        var shares = Apportionment.LargestRemainder(price,
            [policy.InmateShareBasisPoints, policy.WelfareFundBasisPoints, policy.MaterialsRecoveryBasisPoints]);
        var merged = makers
            .GroupBy(m => m.InmateId)
            .Select(g => new MakerWork(g.Key, g.Sum(m => m.MinutesWorked)))
            .OrderBy(m => m.InmateId)
            .ToList();
        var makerShares = Apportionment.LargestRemainder(shares[0], merged.Select(m => (long)m.MinutesWorked).ToList());
        var splits = merged
            .Select((m, i) => new MakerSplit(m.InmateId, m.MinutesWorked, makerShares[i], SplitCredit(makerShares[i], policy)))
            .ToList();
        return new SaleSplit(price, shares[0], shares[1], shares[2], splits);
    }
}
