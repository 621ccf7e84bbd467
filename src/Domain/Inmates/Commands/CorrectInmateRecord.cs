namespace SecondChance.Domain.Inmates;

public sealed record CorrectInmateRecord(
    Guid InmateId,
    long CorrectedStreamVersion,
    Guid? CorrectedEventId,
    IReadOnlyList<FieldCorrection> Corrections,
    string Reason);
