namespace SecondChance.Domain.Partners;

public sealed record PartnerRegistered(
    Guid PartnerId, string Name, PartnerKind Kind, IReadOnlyList<PartnerRole> Roles, DateTimeOffset RegisteredAt);

/// <summary>A memorandum of understanding between the partner and one facility, in force from its first to its last day.</summary>
public sealed record MemorandumSigned(
    Guid PartnerId,
    Guid MemorandumId,
    Guid FacilityId,
    string Scope,
    DateOnly StartsOn,
    DateOnly EndsOn,
    string ContactName,
    string ContactDetails,
    DateTimeOffset SignedAt);
