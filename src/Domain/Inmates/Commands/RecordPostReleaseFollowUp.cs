namespace SecondChance.Domain.Inmates;

public sealed record RecordPostReleaseFollowUp(
    Guid InmateId,
    DateTimeOffset? FollowedUpAt,
    EmploymentStatus Employment,
    HousingStatus Housing,
    ContactOutcome Outcome,
    string Notes);
