namespace SecondChance.Domain.Mentors;

public sealed record VetMentor(Guid MentorId, string VettedBy, DateOnly VettedOn, string Reference);
