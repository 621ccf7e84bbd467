namespace SecondChance.Domain.Complaints;

public sealed record DecideComplaint(Guid InmateId, Guid ComplaintId, ComplaintOutcome Outcome, string? Remedy, string By, DateTimeOffset? At, bool ByOversight = false);
