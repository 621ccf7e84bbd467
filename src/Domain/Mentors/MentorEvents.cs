namespace SecondChance.Domain.Mentors;

public sealed record MentorRegistered(Guid MentorId, string FullName, string Cnic, string Phone, string Organisation);

public sealed record MentorVetted(Guid MentorId, string VettedBy, DateOnly VettedOn, string Reference);

public sealed record MentorDeactivated(Guid MentorId, string Reason, DateTimeOffset DeactivatedAt);
