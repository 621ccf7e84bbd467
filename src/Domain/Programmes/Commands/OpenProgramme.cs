namespace SecondChance.Domain.Programmes;

public sealed record OpenProgramme(
    Guid ProgrammeId,
    Guid FacilityId,
    string Name,
    Craft Craft,
    IReadOnlyList<string> Skills,
    int Capacity,
    Guid InstructorId,
    string InstructorName,
    DateOnly OpenedOn);
