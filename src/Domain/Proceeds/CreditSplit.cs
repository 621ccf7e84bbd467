namespace SecondChance.Domain.Proceeds;

public sealed record CreditSplit(long Spendable, long Savings, long Family)
{
    public long Total => Spendable + Savings + Family;
}
