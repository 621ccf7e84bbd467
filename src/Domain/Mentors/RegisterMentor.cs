namespace SecondChance.Domain.Mentors;

public sealed record RegisterMentor(Guid MentorId, string FullName, string Cnic, string Phone, string Organisation);
