namespace SecondChance.Domain.Inmates;

/// <summary>A visit (Mode InPerson), video call or phone call with a relative or friend.</summary>
public sealed record FamilyContactRecorded(
    Guid InmateId, Guid ContactId, string ContactName, FamilyRelation Relation, ContactMode Mode, DateTimeOffset ContactAt);

public sealed record FamilyVisitRefused(
    Guid InmateId, string VisitorName, FamilyRelation Relation, string Reason, string RefusedBy, DateTimeOffset RefusedAt);
