namespace SecondChance.Domain.Inmates;

public sealed record RecordCustodyIncident(
    Guid InmateId, Guid IncidentId, CustodyIncidentKind Kind, DateTimeOffset OccurredAt, string Place, string Circumstances);
