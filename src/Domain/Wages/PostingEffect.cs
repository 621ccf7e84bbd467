namespace SecondChance.Domain.Wages;

/// <summary>Signed change a posting made to each sub-account, in the posting's currency.</summary>
public sealed record PostingEffect(long Spendable, long Savings, long Family, bool IsReversal, bool IsPayout, bool Reversed, string Currency)
{
    public PostingEffect Negated() => new(-Spendable, -Savings, -Family, true, false, false, Currency);
}
