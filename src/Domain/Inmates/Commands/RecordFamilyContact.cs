namespace SecondChance.Domain.Inmates;

public sealed record RecordFamilyContact(
    Guid InmateId, Guid ContactId, string ContactName, FamilyRelation Relation, ContactMode Mode, DateTimeOffset? ContactAt);
