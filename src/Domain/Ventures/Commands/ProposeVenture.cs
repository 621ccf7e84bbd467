namespace SecondChance.Domain.Ventures;

public sealed record ProposeVenture(
    Guid VentureId,
    Guid FacilityId,
    string Name,
    string BusinessPlan,
    IReadOnlyList<VentureFounder> Founders,
    string MentorOrganisation,
    Guid? MentorPartnerId,
    DateTimeOffset? ProposedAt);
