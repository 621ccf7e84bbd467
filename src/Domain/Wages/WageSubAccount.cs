namespace SecondChance.Domain.Wages;

public enum WageSubAccount
{
    Spendable,
    Savings,
    Family,
}
