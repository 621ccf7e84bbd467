namespace SecondChance.Domain.Inmates;

/// <summary>Place and Circumstances say where and what is known at the time of recording.</summary>
public sealed record CustodyIncidentRecorded(
    Guid InmateId, Guid IncidentId, CustodyIncidentKind Kind, DateTimeOffset OccurredAt, string Place, string Circumstances);

public sealed record IncidentFamilyNotified(Guid InmateId, Guid IncidentId, string NotifiedPerson, string NotifiedBy, DateTimeOffset NotifiedAt);

public sealed record IncidentReportedToAuthority(Guid InmateId, Guid IncidentId, string Authority, string Reference, DateTimeOffset ReportedAt);

public sealed record IncidentInvestigationOpened(Guid InmateId, Guid IncidentId, string Investigator, DateTimeOffset OpenedAt);

public sealed record IncidentInvestigationConcluded(Guid InmateId, Guid IncidentId, string Outcome, DateTimeOffset ConcludedAt);
