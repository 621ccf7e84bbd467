namespace SecondChance.Domain.Programmes;

public sealed record CloseProgramme(Guid ProgrammeId, string Reason, DateTimeOffset? ClosedAt);
