namespace SecondChance.Domain.Proceeds;

/// <summary>
/// Largest-remainder (Hamilton) apportionment in exact integers: parts always add up to the total and none
/// is negative. Ties in remainder go to the lower index, so the same input always gives the same parts.
/// </summary>
public static class Apportionment
{
    public static long[] LargestRemainder(long total, IReadOnlyList<long> weights)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        if (weights.Count == 0) throw new ArgumentException("At least one weight is needed.", nameof(weights));
        if (weights.Any(w => w < 0)) throw new ArgumentException("Weights cannot be negative.", nameof(weights));
        Int128 weightSum = 0;
        foreach (var w in weights) weightSum += w;
        if (weightSum == 0) throw new ArgumentException("Weights cannot all be zero.", nameof(weights));

        var parts = new long[weights.Count];
        var remainders = new Int128[weights.Count];
        long allotted = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            var exact = (Int128)total * weights[i];
            parts[i] = (long)(exact / weightSum);
            remainders[i] = exact % weightSum;
            allotted += parts[i];
        }

        var leftover = total - allotted;
        var order = Enumerable.Range(0, weights.Count)
            .OrderByDescending(i => remainders[i])
            .ThenBy(i => i)
            .Take((int)leftover);
        foreach (var i in order) parts[i]++;
        return parts;
    }
}
