namespace SecondChance.Application.ReadModels;

public sealed record ProgrammeListItem(
    Guid ProgrammeId, Guid FacilityId, string Name, string Craft, IReadOnlyList<string> Skills, int Capacity, int Enrolled,
    string Status, string InstructorName, DateOnly OpenedOn, long Version);
