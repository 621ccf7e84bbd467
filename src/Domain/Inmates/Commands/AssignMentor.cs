namespace SecondChance.Domain.Inmates;

public sealed record AssignMentor(Guid InmateId, Guid MentorId, DateTimeOffset? AssignedAt);
