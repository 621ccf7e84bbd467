namespace SecondChance.Domain.Inmates;

public sealed record RefuseFamilyVisit(
    Guid InmateId, string VisitorName, FamilyRelation Relation, string Reason, string RefusedBy, DateTimeOffset? RefusedAt);
