namespace SecondChance.Domain.Inmates;

/// <summary>One death, serious injury or disappearance as the inmate's decisions need it: which follow-ups are recorded and when.</summary>
public sealed record CustodyIncident(
    Guid IncidentId,
    CustodyIncidentKind Kind,
    DateTimeOffset OccurredAt,
    DateTimeOffset? FamilyNotifiedAt = null,
    DateTimeOffset? ReportedAt = null,
    DateTimeOffset? InvestigationOpenedAt = null,
    DateTimeOffset? ConcludedAt = null);
