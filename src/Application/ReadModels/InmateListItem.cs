namespace SecondChance.Application.ReadModels;

public sealed record InmateListItem(
    Guid InmateId, Guid FacilityId, string PrisonerNumber, string FullName, string Sex, DateOnly DateOfBirth, string LegalStatus,
    string Status, Guid? WardId, Guid? MentorId, DateTimeOffset AdmittedAt, DateOnly? ExpectedReleaseDate, DateTimeOffset? ReleasedAt,
    long Version);
