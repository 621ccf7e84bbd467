namespace SecondChance.Domain.Wages;

public enum WageKind
{
    Wage,
    PieceWork,
}
