namespace SecondChance.Domain.Programmes;

public sealed record WithdrawFromProgramme(Guid InmateId, Guid ProgrammeId, string Reason, DateTimeOffset? WithdrewAt);
