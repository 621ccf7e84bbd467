namespace SecondChance.Application.ReadModels;

public sealed record MentorListItem(Guid MentorId, string FullName, string Organisation, string Status, long Version);
