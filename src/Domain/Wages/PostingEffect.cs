namespace SecondChance.Domain.Wages;

/// <summary>Signed change a posting made to each sub-account.</summary>
public sealed record PostingEffect(long Spendable, long Savings, long Family, bool IsReversal, bool IsPayout, bool Reversed)
{
    public PostingEffect Negated() => new(-Spendable, -Savings, -Family, true, false, false);
}
