namespace SecondChance.Domain.Complaints;

public sealed record OpenComplaintInvestigation(Guid InmateId, Guid ComplaintId, string Investigator, DateTimeOffset? At, bool ByOversight = false);
