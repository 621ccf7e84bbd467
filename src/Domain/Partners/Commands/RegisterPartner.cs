namespace SecondChance.Domain.Partners;

public sealed record RegisterPartner(Guid PartnerId, string Name, PartnerKind Kind, IReadOnlyList<PartnerRole> Roles, DateTimeOffset? RegisteredAt);
