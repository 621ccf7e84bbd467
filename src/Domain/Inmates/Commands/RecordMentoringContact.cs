namespace SecondChance.Domain.Inmates;

public sealed record RecordMentoringContact(
    Guid InmateId,
    Guid ContactId,
    Guid MentorId,
    DateTimeOffset? ContactAt,
    ContactMode Mode,
    ReleasePhase Phase,
    string Summary);
