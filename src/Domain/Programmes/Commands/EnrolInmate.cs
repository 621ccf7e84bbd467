namespace SecondChance.Domain.Programmes;

public sealed record EnrolInmate(Guid InmateId, Guid ProgrammeId, DateTimeOffset? EnrolledAt);
