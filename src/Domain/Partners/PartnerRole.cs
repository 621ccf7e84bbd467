namespace SecondChance.Domain.Partners;

/// <summary>What a partner organisation does with the prisons' workshops; one partner may do all three.</summary>
public enum PartnerRole
{
    SalesChannel,
    Buyer,
    StartupMentor,
}

public enum PartnerKind
{
    Ngo,
    ArtsCouncil,
    Company,
    Other,
}
