namespace SecondChance.Domain.Inmates;

public sealed record UnassignMentor(Guid InmateId, Guid MentorId, string Reason, DateTimeOffset? UnassignedAt);
