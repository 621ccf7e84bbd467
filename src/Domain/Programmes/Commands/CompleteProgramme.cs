namespace SecondChance.Domain.Programmes;

public sealed record CompleteProgramme(Guid InmateId, Guid ProgrammeId, DateTimeOffset? CompletedAt);
