namespace SecondChance.Domain.Inmates;

public sealed record ApplyRestraint(
    Guid InmateId,
    Guid RestraintId,
    RestraintInstrument Instrument,
    RestraintReason Reason,
    string Details,
    string AuthorisedBy,
    DateTimeOffset? StartedAt,
    bool MedicalOfficerInformed);
