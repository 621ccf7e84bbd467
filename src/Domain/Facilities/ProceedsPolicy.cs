namespace SecondChance.Domain.Facilities;

public sealed record ProceedsPolicy(
    DateOnly EffectiveFrom,
    int InmateShareBasisPoints,
    int WelfareFundBasisPoints,
    int MaterialsRecoveryBasisPoints,
    int SavingsRateBasisPoints,
    int FamilyRemittanceRateBasisPoints)
{
    public const int Whole = 10_000;

    public int SpendableRateBasisPoints => Whole - SavingsRateBasisPoints - FamilyRemittanceRateBasisPoints;

    public static Refusal? Validate(int inmateShare, int welfareFund, int materialsRecovery, int savingsRate, int familyRate)
    {
        if (inmateShare < 0 || welfareFund < 0 || materialsRecovery < 0 || savingsRate < 0 || familyRate < 0)
            return new Refusal(RefusalCodes.InvalidPolicy, "Shares and rates cannot be negative.");
        if ((long)inmateShare + welfareFund + materialsRecovery != Whole)
            return new Refusal(RefusalCodes.InvalidPolicy, "Inmate share, welfare fund and materials recovery must add up to 10 000 basis points.");
        if ((long)savingsRate + familyRate > Whole)
            return new Refusal(RefusalCodes.InvalidPolicy, "Savings and family remittance rates cannot exceed 10 000 basis points together.");
        return null;
    }
}
