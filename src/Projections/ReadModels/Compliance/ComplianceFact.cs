namespace SecondChance.Projections.ReadModels.Compliance;

/// <summary>
/// Kind is admission, housing, screening, segregation, transfer, legal_status, mentoring_contact, savings_posting or
/// release. Housing and segregation are spells: EndsAt is null while the spell is open.
/// </summary>
public sealed record ComplianceFact(
    Guid InmateId, string PrisonerNumber, Guid FacilityId, long Position, string Kind, DateTimeOffset StartsAt, DateTimeOffset? EndsAt,
    string Detail, long? AmountMinor);
