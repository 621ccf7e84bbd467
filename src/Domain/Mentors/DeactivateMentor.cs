namespace SecondChance.Domain.Mentors;

public sealed record DeactivateMentor(Guid MentorId, string Reason, DateTimeOffset? DeactivatedAt);
