namespace SecondChance.Domain.Inmates;

public sealed record RestraintApplied(
    Guid InmateId,
    Guid RestraintId,
    RestraintInstrument Instrument,
    RestraintReason Reason,
    string Details,
    string AuthorisedBy,
    DateTimeOffset StartedAt,
    bool MedicalOfficerInformed);

public sealed record RestraintEnded(Guid InmateId, Guid RestraintId, string AuthorisedBy, DateTimeOffset EndedAt);

/// <summary>Labour from LabourStartedAt until EndedAt (the delivery, or the end of labour); a delivery alone has both at the same instant.</summary>
public sealed record LabourRecorded(Guid InmateId, DateTimeOffset LabourStartedAt, DateTimeOffset EndedAt, string RecordedBy);
