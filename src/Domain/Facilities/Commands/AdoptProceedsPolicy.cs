namespace SecondChance.Domain.Facilities;

public sealed record AdoptProceedsPolicy(
    Guid FacilityId,
    DateOnly EffectiveFrom,
    int InmateShareBasisPoints,
    int WelfareFundBasisPoints,
    int MaterialsRecoveryBasisPoints,
    int SavingsRateBasisPoints,
    int FamilyRemittanceRateBasisPoints = 0);
