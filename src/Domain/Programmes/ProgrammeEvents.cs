namespace SecondChance.Domain.Programmes;

public sealed record ProgrammeOpened(
    Guid ProgrammeId,
    Guid FacilityId,
    string Name,
    Craft Craft,
    IReadOnlyList<string> Skills,
    int Capacity,
    Guid InstructorId,
    string InstructorName,
    DateOnly OpenedOn);

public sealed record ProgrammeClosed(Guid ProgrammeId, string Reason, DateTimeOffset ClosedAt);

public sealed record ProgrammeSeatTaken(Guid ProgrammeId, Guid InmateId, int EnrolledCount);

public sealed record ProgrammeSeatFreed(Guid ProgrammeId, Guid InmateId, SeatFreedBecause Because, int EnrolledCount);
